import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { SqlClient } from "@/server/db/sql-client";
import { expectError, signedUpBrowser, temporaryDataDir } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { setCookies, TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let sql: SqlClient;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
  const { getDatabase } = await import("@/server/db");
  ({ sql } = await getDatabase());
});

function tokenHash(browser: TestBrowser): Buffer {
  const token = browser.cookies.get("omnicrm_session") ?? browser.cookies.get("__Host-omnicrm_session") ?? "";
  return createHash("sha256").update(token).digest();
}

async function whoAmI(browser: TestBrowser): Promise<number> {
  return (await browser.send(routes.user, "GET", "/api/auth/user")).status;
}

describe("session storage", () => {
  it("stores only the token's SHA-256 with the caller's address and user agent", async () => {
    const { browser, id } = await signedUpBrowser(routes, "Stored");
    const token = browser.cookies.get("omnicrm_session") as string;
    const rows = await sql.query<{ user_id: string; ip: string | null; user_agent: string; lifetime_hours: number }>(
      `select user_id, host(ip) as ip, user_agent,
              round(extract(epoch from expires_at - created_at) / 3600)::int as lifetime_hours
         from app_private.sessions where token_hash = $1`,
      [tokenHash(browser)],
    );
    expect(rows).toEqual([
      { user_id: id, ip: expect.stringMatching(/^10\./) as string, user_agent: "vitest", lifetime_hours: 12 },
    ]);
    const leaked = await sql.query(`select 1 from app_private.sessions where encode(token_hash, 'escape') = $1`, [
      token,
    ]);
    expect(leaked).toEqual([]);
  });
});

describe("GET /api/auth/user", () => {
  it("answers 401 without a cookie, with a malformed cookie and with an unknown token", async () => {
    for (const cookie of [undefined, "omnicrm_session=short", `omnicrm_session=${"A".repeat(43)}`]) {
      const response = await routes.user(
        new Request("http://localhost:3000/api/auth/user", { headers: cookie ? { cookie } : {} }),
      );
      const error = await expectError(response, 401);
      expect(error.code).toBe("unauthorized");
    }
  });

  it("accepts a token issued over HTTP only as the plain cookie over HTTP, never as __Host- over HTTPS", async () => {
    const { browser } = await signedUpBrowser(routes, "Plain");
    const token = browser.cookies.get("omnicrm_session") as string;
    expect(await whoAmI(browser)).toBe(200);
    const overHttps = new TestBrowser("https://crm.example.com");
    overHttps.cookies.set("omnicrm_session", token);
    expect(await whoAmI(overHttps)).toBe(401);
    overHttps.cookies.clear();
    overHttps.cookies.set("__Host-omnicrm_session", token);
    expect(await whoAmI(overHttps)).toBe(401);
  });

  it("accepts a token issued as __Host- over HTTPS only there, never as the plain cookie over HTTP", async () => {
    const { browser } = await signedUpBrowser(routes, "Secure", new TestBrowser("https://crm.example.com"));
    const token = browser.cookies.get("__Host-omnicrm_session") as string;
    expect(await whoAmI(browser)).toBe(200);
    const overHttp = new TestBrowser("http://localhost:3000");
    overHttp.cookies.set("omnicrm_session", token);
    expect(await whoAmI(overHttp)).toBe(401);
    overHttp.cookies.clear();
    overHttp.cookies.set("__Host-omnicrm_session", token);
    expect(await whoAmI(overHttp)).toBe(401);
  });
});

/** Runs `sql` against the browser's session row (before its first lookup, so nothing is cached yet). */
async function ageSession(browser: TestBrowser, assignments: string): Promise<void> {
  await sql.query(`update app_private.sessions set ${assignments} where token_hash = $1`, [tokenHash(browser)]);
}

describe("expiry", () => {
  it("ends a session idle for longer than SESSION_IDLE_MINUTES (30)", async () => {
    const { browser: recent } = await signedUpBrowser(routes, "Recent");
    await ageSession(recent, "last_seen_at = now() - interval '29 minutes'");
    expect(await whoAmI(recent)).toBe(200);
    const { browser: idle } = await signedUpBrowser(routes, "Idle");
    await ageSession(idle, "last_seen_at = now() - interval '31 minutes'");
    expect(await whoAmI(idle)).toBe(401);
  });

  it("ends a session at its absolute lifetime even while in use", async () => {
    const { browser } = await signedUpBrowser(routes, "Absolute");
    await ageSession(browser, "created_at = now() - interval '12 hours', expires_at = now() - interval '1 second'");
    expect(await whoAmI(browser)).toBe(401);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const lastSeenAgo = async (browser: TestBrowser) =>
      (
        await sql.query<{ seconds: number }>(
          `select round(extract(epoch from now() - last_seen_at))::int as seconds from app_private.sessions where token_hash = $1`,
          [tokenHash(browser)],
        )
      )[0]?.seconds;
    const { browser: fresh } = await signedUpBrowser(routes, "Fresh");
    await ageSession(fresh, "last_seen_at = now() - interval '30 seconds'");
    expect(await whoAmI(fresh)).toBe(200);
    expect(await lastSeenAgo(fresh)).toBeGreaterThanOrEqual(30);
    const { browser: stale } = await signedUpBrowser(routes, "Stale");
    await ageSession(stale, "last_seen_at = now() - interval '5 minutes'");
    expect(await whoAmI(stale)).toBe(200);
    expect(await lastSeenAgo(stale)).toBeLessThan(5);
  });
});

describe("session lookups", () => {
  it("the in-process database's sessions are confirmed once a minute; a server database's on every request", async () => {
    const { sessionLookupCounts } = await import("@/server/auth/embedded/session-cache");
    const { getDatabase } = await import("@/server/db");
    const { browser } = await signedUpBrowser(routes, "Lookups");
    const before = await sessionLookupCounts();
    for (let request = 0; request < 3; request += 1) expect(await whoAmI(browser)).toBe(200);
    const after = await sessionLookupCounts();
    const inProcess = (await getDatabase()).kind === "pglite";
    expect({ cache: after.cache - before.cache, database: after.database - before.database }).toEqual(
      inProcess ? { cache: 2, database: 1 } : { cache: 0, database: 3 },
    );
  });
});

describe("sign-out", () => {
  it("deletes this session and expires the cookie", async () => {
    const { browser } = await signedUpBrowser(routes, "Leaving");
    const stolen = new TestBrowser();
    stolen.cookies.set("omnicrm_session", browser.cookies.get("omnicrm_session") as string);
    expect(await whoAmI(stolen)).toBe(200);
    const response = await browser.send(routes.signOut, "POST", "/api/auth/sign-out");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(setCookies(response).get("omnicrm_session")).toMatchObject({ value: "", maxAge: 0, path: "/" });
    expect(browser.cookies.size).toBe(0);
    expect(await whoAmI(stolen)).toBe(401);
  });

  it("is harmless when already signed out", async () => {
    const response = await new TestBrowser().send(routes.signOut, "POST", "/api/auth/sign-out");
    expect(response.status).toBe(200);
  });

  it("sign-out-all ends every session of the account and no one else's", async () => {
    const { browser: laptop, email } = await signedUpBrowser(routes, "Everywhere");
    const phone = new TestBrowser();
    expect(
      (
        await phone.send(routes.signIn, "POST", "/api/auth/sign-in", {
          body: { email, password: "correct horse battery staple" },
        })
      ).status,
    ).toBe(200);
    const { browser: someoneElse } = await signedUpBrowser(routes, "Bystander");
    for (const signedIn of [laptop, phone, someoneElse]) expect(await whoAmI(signedIn)).toBe(200);

    const response = await laptop.send(routes.signOutAll, "POST", "/api/auth/sign-out-all");
    expect(response.status).toBe(200);
    expect(await whoAmI(laptop)).toBe(401);
    expect(await whoAmI(phone)).toBe(401);
    expect(await whoAmI(someoneElse)).toBe(200);
  });

  it("sign-out-all needs a session", async () => {
    await expectError(await new TestBrowser().send(routes.signOutAll, "POST", "/api/auth/sign-out-all"), 401);
  });
});

describe("Google sign-in in embedded mode", () => {
  it("answers 404 with a clear message", async () => {
    const error = await expectError(await new TestBrowser().send(routes.google, "GET", "/api/auth/google"), 404);
    expect(error.message).toMatch(/Supabase/);
  });
});
