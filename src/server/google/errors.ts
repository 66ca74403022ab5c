/**
 * What can go wrong talking to Google, in the terms the sync acts on. Messages never contain tokens:
 * they are built from the status and Google's reason code only.
 */
export class GoogleError extends Error {
  readonly status: number | null;
  /** Google's reason (`invalid_grant`, `rateLimitExceeded`, `notFound`…) when it gave one. */
  readonly reason: string | null;
  readonly kind: GoogleErrorKind;

  constructor(kind: GoogleErrorKind, status: number | null, reason: string | null) {
    super(`Google ${kind}${status ? ` (${status}${reason ? ` ${reason}` : ""})` : ""}`);
    this.name = "GoogleError";
    this.kind = kind;
    this.status = status;
    this.reason = reason;
  }
}

export type GoogleErrorKind =
  /** The grant is gone (revoked, expired, password changed): only the practitioner reconnecting helps. */
  | "grant_revoked"
  /** The token lacks a scope the call needs (the practitioner unticked Gmail on the consent screen). */
  | "insufficient_scope"
  /** Gmail no longer has history from the saved historyId: a full resync is due. */
  | "history_expired"
  | "not_found"
  | "rate_limited"
  | "unavailable"
  | "failed";

export function isGoogleError(error: unknown, kind?: GoogleErrorKind): error is GoogleError {
  return error instanceof GoogleError && (kind === undefined || error.kind === kind);
}

interface ErrorLike {
  status?: unknown;
  response?: { status?: unknown; data?: unknown };
}

/** Google's two error bodies: OAuth `{ error, error_description }` and API `{ error: { code, errors: [{ reason }], status } }`. */
function reasonOf(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const error = (data as { error?: unknown }).error;
  if (typeof error === "string") return error;
  if (error && typeof error === "object") {
    const first = (error as { errors?: { reason?: unknown }[] }).errors?.[0]?.reason;
    if (typeof first === "string") return first;
    const status = (error as { status?: unknown }).status;
    if (typeof status === "string") return status;
  }
  return null;
}

/** Maps a GaxiosError (or anything thrown by the Google libraries) to a GoogleError. */
export function toGoogleError(error: unknown, context: "oauth" | "gmail" | "history"): GoogleError {
  if (error instanceof GoogleError) return error;
  const like = (error ?? {}) as ErrorLike;
  const rawStatus = like.response?.status ?? like.status;
  const status = typeof rawStatus === "number" ? rawStatus : null;
  const reason = reasonOf(like.response?.data);
  if (reason === "invalid_grant" || (context === "oauth" && status === 400 && reason === "unauthorized_client"))
    return new GoogleError("grant_revoked", status, reason);
  if (status === 401) return new GoogleError("grant_revoked", status, reason);
  if (status === 403 && (reason === "rateLimitExceeded" || reason === "userRateLimitExceeded"))
    return new GoogleError("rate_limited", status, reason);
  if (status === 403 && (reason === "insufficientPermissions" || reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT"))
    return new GoogleError("insufficient_scope", status, reason);
  if (status === 404) return new GoogleError(context === "history" ? "history_expired" : "not_found", status, reason);
  if (status === 429) return new GoogleError("rate_limited", status, reason);
  if (status !== null && status >= 500) return new GoogleError("unavailable", status, reason);
  if (status === null) return new GoogleError("unavailable", null, (error as Error | undefined)?.name ?? null);
  return new GoogleError("failed", status, reason);
}
