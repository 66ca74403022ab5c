import { createServerClient, type CookieMethodsServer, type CookieOptionsWithName } from "@supabase/ssr";
import { createClient, type WebSocketLikeConstructor } from "@supabase/supabase-js";
import WebSocket from "ws";

/**
 * The one place Supabase clients are built. supabase-js builds its realtime client eagerly and Node 20
 * has no global WebSocket (ws's extra server-side overload is why the cast is needed); nothing here
 * uses realtime.
 */
const realtime = { transport: WebSocket as unknown as WebSocketLikeConstructor };

/** A client with the project's secret key: server-only, never bound to a request's session (admin API, storage). */
export function supabaseServiceClient(url: string, secretKey: string) {
  return createClient(url, secretKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime,
  });
}

export interface SessionClientOptions {
  url: string;
  publishableKey: string;
  cookies: CookieMethodsServer;
  cookieOptions: CookieOptionsWithName;
  /** Sent with every call to Supabase Auth (e.g. the caller's address and user agent, which GoTrue records on the session). */
  headers?: Record<string, string>;
}

/** A client for one request, reading and writing its session through that request's cookies (never shared). */
export function supabaseSessionClient(options: SessionClientOptions) {
  return createServerClient(options.url, options.publishableKey, {
    realtime,
    cookieOptions: options.cookieOptions,
    cookies: options.cookies,
    ...(options.headers ? { global: { headers: options.headers } } : {}),
  });
}
