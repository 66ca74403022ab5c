/** Where signed-in practitioners land when no (safe) destination was asked for. */
export const DEFAULT_SIGNED_IN_PATH = "/clients";

const BASE = "http://omnicrm.invalid";

/** Pages that make no sense to return to after signing in (they would loop or sign out again). */
const NOT_A_DESTINATION = ["/sign-in", "/sign-up", "/reset-password", "/api"];

/**
 * The `next` destination after sign-in, accepted only as a same-site relative path
 * (`/clients?view=all`); anything else (absolute, protocol-relative, backslash tricks) falls back.
 */
export function safeNextPath(value: string | string[] | null | undefined, fallback = DEFAULT_SIGNED_IN_PATH): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || /[\\\p{Cc}]/u.test(candidate)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const excluded = NOT_A_DESTINATION.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`));
  if (excluded) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
