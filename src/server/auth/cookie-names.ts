/** Embedded session cookie: `__Host-` prefixed (and Secure) when the app is served over HTTPS. */
export const EMBEDDED_SESSION_COOKIE = "omnicrm_session";
export const EMBEDDED_SESSION_COOKIE_SECURE = "__Host-omnicrm_session";

/** Supabase's cookies are `sb-<project-ref>-auth-token`, possibly chunked as `.0`, `.1`, … */
export const SUPABASE_COOKIE_PATTERN = /^sb-[a-z0-9]+-auth-token(\.\d+)?$/;

/** Whether a request carries anything that could be a session (no database work: used by the proxy). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) {
    if (
      name === EMBEDDED_SESSION_COOKIE ||
      name === EMBEDDED_SESSION_COOKIE_SECURE ||
      SUPABASE_COOKIE_PATTERN.test(name)
    ) {
      return true;
    }
  }
  return false;
}
