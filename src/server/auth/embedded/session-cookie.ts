import { env } from "@/server/config/env";
import { EMBEDDED_SESSION_COOKIE, EMBEDDED_SESSION_COOKIE_SECURE } from "../cookie-names";
import type { CookieJar, CookieOptions } from "../cookie-jar";

/** `__Host-` (which browsers accept only with Secure, Path=/ and no Domain) whenever served over HTTPS. */
function cookieName(jar: CookieJar): string {
  return jar.secure ? EMBEDDED_SESSION_COOKIE_SECURE : EMBEDDED_SESSION_COOKIE;
}

function options(jar: CookieJar, maxAge: number): CookieOptions {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: jar.secure, maxAge };
}

/** The session token the request carries under the name its protocol allows. */
export function readSessionCookie(jar: CookieJar): string | undefined {
  return jar.get(cookieName(jar));
}

export function writeSessionCookie(jar: CookieJar, token: string): void {
  // The browser forgets the cookie when the server would refuse it anyway.
  jar.set(cookieName(jar), token, options(jar, env.SESSION_ABSOLUTE_HOURS * 3600));
}

export function clearSessionCookie(jar: CookieJar): void {
  jar.set(cookieName(jar), "", options(jar, 0));
}
