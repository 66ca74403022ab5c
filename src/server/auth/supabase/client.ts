import { createServerClient } from "@supabase/ssr";
import type { WebSocketLikeConstructor } from "@supabase/supabase-js";
import WebSocket from "ws";
import { env } from "@/server/config/env";
import type { CookieJar } from "../cookie-jar";
import { SUPABASE_COOKIE_PATTERN } from "../cookie-names";

const CODE_VERIFIER_PATTERN = /^sb-[a-z0-9]+-auth-token-code-verifier$/;

export function supabaseUrl(): string {
  const url = env.NEXT_PUBLIC_SUPABASE_URL;
  if (!url) throw new Error("NEXT_PUBLIC_SUPABASE_URL is not set: Supabase auth is not active");
  return url.replace(/\/+$/, "");
}

/** A Supabase client for one request, reading and writing its session through the jar (never shared). */
export function supabaseFor(jar: CookieJar) {
  const key = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (!key) throw new Error("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set");
  return createServerClient(supabaseUrl(), key, {
    // supabase-js builds its realtime client eagerly, and Node 20 has no global WebSocket
    // (ws's extra server-side overload is why the cast is needed).
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor },
    // Only the server reads the session (the browser goes through /api/auth), so the cookies are HttpOnly.
    cookieOptions: { httpOnly: true, secure: jar.secure, sameSite: "lax", path: "/" },
    cookies: {
      getAll: () => jar.getAll(),
      setAll: (cookies) => {
        for (const { name, value, options } of cookies) jar.set(name, value, options);
      },
    },
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
