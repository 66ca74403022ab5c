import { env } from "@/server/config/env";
import { supabaseSessionClient } from "@/server/supabase/client-factory";
import type { ClientInfo } from "../adapter";
import type { CookieJar } from "../cookie-jar";
import { SUPABASE_COOKIE_PATTERN } from "../cookie-names";

const CODE_VERIFIER_PATTERN = /^sb-[a-z0-9]+-auth-token-code-verifier$/;

export function supabaseUrl(): string {
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  if (!url) throw new Error("NEXT_PUBLIC_SUPABASE_URL is not set: Supabase auth is not active");
  return url.replace(/\/+$/, "");
}

/**
 * A Supabase client for one request, reading and writing its session through the jar (never shared).
 * With `client`, GoTrue records the caller's address and browser on a session it opens (it would see
 * the app server's otherwise).
 */
export function supabaseFor(jar: CookieJar, client?: ClientInfo) {
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (!key) throw new Error("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set");
  const headers: Record<string, string> = {};
  if (client && client.ip !== "unknown") headers["X-Forwarded-For"] = client.ip;
  if (client?.userAgent) headers["User-Agent"] = client.userAgent.slice(0, 512);
  return supabaseSessionClient({
    url: supabaseUrl(),
    publishableKey: key,
    // Only the server reads the session (the browser goes through /api/auth), so the cookies are HttpOnly.
    cookieOptions: { httpOnly: true, secure: jar.secure, sameSite: "lax", path: "/" },
    cookies: {
      getAll: () => jar.getAll(),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) jar.set(name, value, options);
      },
    },
    headers,
  });
}

/** Expires every Supabase session cookie the request carries, whatever the provider said. */
export function clearSupabaseCookies(jar: CookieJar): void {
  for (const { name } of jar.getAll()) {
    if (SUPABASE_COOKIE_PATTERN.test(name) || CODE_VERIFIER_PATTERN.test(name)) {
      jar.set(name, "", { httpOnly: true, secure: jar.secure, sameSite: "lax", path: "/", maxAge: 0 });
    }
  }
}
