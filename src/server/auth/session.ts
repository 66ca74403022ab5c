import { authAdapter } from "./adapter";
import { requestCookieJar } from "./cookie-jar";
import { hasSessionCookie } from "./cookie-names";
import type { SessionUser } from "./session-user";

/**
 * Resolves the signed-in user from the request's cookies through the active auth adapter.
 * Cookies the adapter renews (a refreshed Supabase token) are appended to `responseHeaders`.
 */
export async function getSessionUser(request: Request, responseHeaders?: Headers): Promise<SessionUser | null> {
  const jar = requestCookieJar(request, responseHeaders);
  // A request without any session cookie never costs a database or network round trip.
  if (!hasSessionCookie(jar.getAll().map((cookie) => cookie.name))) return null;
  return (await authAdapter()).currentUser(jar);
}
