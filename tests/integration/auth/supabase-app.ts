import { randomBytes } from "node:crypto";
import { startFakeGoTrue, type FakeGoTrue } from "../../support/fake-gotrue";
import { gotrueDatabaseMirror } from "../../support/gotrue-database-mirror";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";

export const APP_URL = "https://crm.example.com";
export const JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";

/**
 * The app in Supabase mode against a fake GoTrue that records users in the suite's database.
 * `signing: "ES256"` leaves SUPABASE_JWT_SECRET unset, so the app verifies against the published keys.
 */
export async function startSupabaseApp(
  dataDir: string,
  signing: "HS256" | "ES256" = "HS256",
): Promise<{ routes: AuthRoutes; gotrue: FakeGoTrue }> {
  const jwtSecret = signing === "HS256" ? JWT_SECRET : undefined;
  const gotrue = await startFakeGoTrue({
    ...(jwtSecret ? { jwtSecret } : {}),
    // GoTrue records users and sessions in the suite's database (auth.users, auth.sessions).
    ...gotrueDatabaseMirror(),
  });
  const routes = await loadAuthRoutes({
    DATA_DIR: dataDir,
    NEXT_PUBLIC_SUPABASE_URL: gotrue.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test_key",
    SUPABASE_SECRET_KEY: "sb_secret_test_key",
    SUPABASE_JWT_SECRET: jwtSecret,
    // Required beside Supabase; the harness has already installed the suite's database, so it is never dialled.
    DATABASE_URL: "postgres://unused@127.0.0.1:9/unused",
    APP_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64url")}`,
    APP_URL,
  });
  return { routes, gotrue };
}

/** The cookie supabase-js keeps the session in, for a project served from 127.0.0.1. */
export const SESSION_COOKIE = "sb-127-auth-token";
