import { AppError } from "@/server/errors";

/** Methods that change state: each must come from this app (or an allowlisted origin) with a JSON or multipart body. */
const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** A browser sets these Sec-Fetch-Site values only for requests this app's own pages (or the user) made. */
const FIRST_PARTY_FETCH_SITES = new Set(["same-origin", "none"]);
/** HTML forms can send neither JSON nor custom types without a CORS preflight; multipart still needs the origin check. */
const ACCEPTED_BODY_TYPES = [/^application\/(?:[\w.+-]+\+)?json$/, /^multipart\/form-data$/];

export interface CsrfInput {
  method: string;
  headers: Headers;
  /** Origins that mean "this app": the request's own, plus the allowlist. */
  acceptedOrigins: ReadonlySet<string>;
}

/** `null` when the request may proceed; otherwise the 403 that refuses it. */
export function csrfRefusal({ method, headers, acceptedOrigins }: CsrfInput): AppError | null {
  if (!STATE_CHANGING_METHODS.has(method.toUpperCase())) return null;

  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  const firstParty =
    origin !== null ? acceptedOrigins.has(origin) : fetchSite === null || FIRST_PARTY_FETCH_SITES.has(fetchSite);
  if (!firstParty) return forbidden("Cross-site requests cannot change data here");

  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === undefined || mediaType === "") {
    if (hasBody(headers)) return forbidden("Send the request body as application/json or multipart/form-data");
    return null;
  }
  if (!ACCEPTED_BODY_TYPES.some((pattern) => pattern.test(mediaType))) {
    return forbidden(`Requests that change data must be application/json or multipart/form-data, not ${mediaType}`);
  }
  return null;
}

/** A request without a declared body (sign-out, delete) carries nothing a form could have forged. */
function hasBody(headers: Headers): boolean {
  return headers.has("transfer-encoding") || Number(headers.get("content-length") ?? "0") > 0;
}

function forbidden(message: string): AppError {
  return new AppError("forbidden", message);
}
