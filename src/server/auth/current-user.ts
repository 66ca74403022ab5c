import { cookies, headers } from "next/headers";
import { authAdapter } from "./adapter";
import { isHttps, type CookieJar } from "./cookie-jar";
import { hasSessionCookie } from "./cookie-names";
import type { SessionUser } from "./session-user";

/** The signed-in practitioner for a Server Component (or server action), or null when signed out. */
export async function getCurrentUser(): Promise<(SessionUser & { displayName: string }) | null> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  if (!hasSessionCookie(cookieStore.getAll().map((cookie) => cookie.name))) return null;
  const jar: CookieJar = {
    // Next forwards the original protocol as x-forwarded-proto; Server Components see no URL.
    secure: isHttps(null, headerStore),
    get: (name) => cookieStore.get(name)?.value,
    getAll: () => cookieStore.getAll().map(({ name, value }) => ({ name, value })),
    set: (name, value, options) => {
      try {
        cookieStore.set(name, value, options);
      } catch {
        // Server Components cannot set cookies; route handlers and the proxy renew them instead.
      }
    },
  };
  return (await authAdapter()).currentUser(jar);
}
