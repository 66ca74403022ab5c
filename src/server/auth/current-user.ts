import { cookies, headers } from "next/headers";
import { authAdapter } from "./adapter";
import { hasSessionCookie } from "./cookie-names";
import { serverComponentCookieJar } from "./server-component-jar";
import type { SessionUser } from "./session-user";

/** The signed-in practitioner for a Server Component (or server action), or null when signed out. */
export async function getCurrentUser(): Promise<(SessionUser & { displayName: string }) | null> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const jar = serverComponentCookieJar(cookieStore, headerStore);
  if (!hasSessionCookie(jar.getAll().map((cookie) => cookie.name))) return null;
  return (await authAdapter()).currentUser(jar);
}
