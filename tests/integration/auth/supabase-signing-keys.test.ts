import { generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { expectError, signedUpBrowser, temporaryDataDir } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import { APP_URL, JWT_SECRET, SESSION_COOKIE, startSupabaseApp } from "./supabase-app";
import { TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir, "ES256"));
});

afterAll(async () => {
  await gotrue.close();
});

/** A browser holding a session whose access token was signed with `key` instead of the project's key. */
async function browserWithToken(userId: string, alg: "HS256" | "ES256", key: CryptoKey | Uint8Array) {
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ email: "forged@example.com", role: "authenticated" })
    .setProtectedHeader({ alg, ...(gotrue.keyId ? { kid: gotrue.keyId } : {}) })
    .setSubject(userId)
    .setAudience("authenticated")
    .setExpirationTime(now + 3600)
    .sign(key);
  const session = {
    access_token: token,
    refresh_token: "r",
    expires_in: 3600,
    expires_at: now + 3600,
    user: { id: userId },
  };
  const browser = new TestBrowser(APP_URL);
  browser.cookies.set(SESSION_COOKIE, `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`);
  return browser;
}

describe("Supabase mode with asymmetric signing keys (no SUPABASE_JWT_SECRET)", () => {
  it("verifies access tokens against the project's published keys", async () => {
    const { browser, id } = await signedUpBrowser(routes, "Keys", new TestBrowser(APP_URL));
    const response = await browser.send(routes.user, "GET", "/api/auth/user");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { id: string } }).user.id).toBe(id);
    expect(gotrue.calls).toContain("GET /.well-known/jwks.json");
  });

  it("refuses a token signed by another key under the same key id, or with a shared secret", async () => {
    const { id } = await signedUpBrowser(routes, "Impostor", new TestBrowser(APP_URL));
    const { privateKey } = await generateKeyPair("ES256");
    for (const browser of [
      await browserWithToken(id, "ES256", privateKey),
      await browserWithToken(id, "HS256", new TextEncoder().encode(JWT_SECRET)),
    ]) {
      await expectError(await browser.send(routes.user, "GET", "/api/auth/user"), 401);
    }
  });
});
