import fs from "node:fs";
import path from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_UP_CHECK_EMAIL_MESSAGE } from "@/lib/contracts/auth";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { expectError, PASSWORD, signedUpBrowser, temporaryDataDir, uniqueEmail } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import { APP_URL, SESSION_COOKIE, startSupabaseApp } from "./supabase-app";
import { setCookies, TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir));
});

afterAll(async () => {
  await gotrue.close();
});

const browser = () => new TestBrowser(APP_URL);

/**
 * Signs up with an access token that has already expired, so the next read must refresh it: a JWT
 * is valid until it expires, and only the refresh tells whether GoTrue still knows the session.
 */
async function signedUpWithExpiredToken(name: string) {
  gotrue.state.accessTokenSeconds = -10;
  try {
    return await signedUpBrowser(routes, name, browser());
  } finally {
    gotrue.state.accessTokenSeconds = 3600;
  }
}

async function whoAmI(client: TestBrowser): Promise<Response> {
  return client.send(routes.user, "GET", "/api/auth/user");
}

describe("Supabase mode: sign-up and sign-in", () => {
  it("signs up through GoTrue, creates the profile, and sets HttpOnly Secure Lax session cookies", async () => {
    const client = browser();
    const email = uniqueEmail("Supa");
    const response = await client.send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email, password: PASSWORD, displayName: "Supa Base" },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string }; signedIn: boolean };
    expect(body).toMatchObject({ user: { email, displayName: "Supa Base" }, signedIn: true });
    expect(gotrue.state.users.get(body.user.id)?.userMetadata).toEqual({ display_name: "Supa Base" });
    expect(setCookies(response).get(SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "lax",
      path: "/",
    });

    const me = await whoAmI(client);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: { id: body.user.id, email, displayName: "Supa Base" } });
  });

  it("answers a taken email like a confirmation: 201, no session, the owner mailed", async () => {
    const { email } = await signedUpBrowser(routes, "Taken", browser());
    const outbox = path.join(dataDir, "mail");
    const mailFiles = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox) : []);
    const before = new Set(mailFiles());
    const response = await browser().send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email, password: "violet kettle moss orbit", displayName: "Again" },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ signedIn: false, message: SIGN_UP_CHECK_EMAIL_MESSAGE });
    // No session: the one cookie is supabase-js's PKCE verifier, which a sign-up awaiting confirmation also gets.
    expect(setCookies(response).get(SESSION_COOKIE)).toBeUndefined();
    expect([...setCookies(response).keys()]).toEqual([expect.stringMatching(/-code-verifier$/) as string]);
    const mailed = mailFiles().filter((file) => !before.has(file));
    expect(mailed).toHaveLength(1);
    expect(fs.readFileSync(path.join(outbox, mailed[0] as string), "utf8")).toContain(`To: ${email}`);
  });

  it("signs in with the right password, and answers a wrong password and an unknown email identically", async () => {
    const { email, id } = await signedUpBrowser(routes, "Known", browser());
    const client = browser();
    const ok = await client.send(routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password: PASSWORD } });
    expect(await ok.json()).toEqual({ user: { id, email, displayName: "Known" } });
    expect((await whoAmI(client)).status).toBe(200);

    const failure = async (body: object) => {
      const response = await browser().send(routes.signIn, "POST", "/api/auth/sign-in", { body });
      const { code, message } = await expectError(response, 401);
      return { code, message, cookies: response.headers.getSetCookie() };
    };
    const wrong = await failure({ email, password: "not the right one" });
    expect(await failure({ email: uniqueEmail("nobody"), password: "not the right one" })).toEqual(wrong);
    expect(wrong.cookies).toEqual([]);
  });
});

describe("Supabase mode: sessions", () => {
  it("refuses an access token signed with another secret", async () => {
    const { id } = await signedUpBrowser(routes, "Forged", browser());
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ email: "forged@example.com", role: "authenticated" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(id)
      .setAudience("authenticated")
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode("another-secret-that-is-long-enough-to-sign"));
    const session = {
      access_token: forged,
      refresh_token: "r",
      expires_in: 3600,
      expires_at: now + 3600,
      token_type: "bearer",
      user: { id },
    };
    const client = browser();
    client.cookies.set(SESSION_COOKIE, `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}`);
    await expectError(await whoAmI(client), 401);
  });

  it("refreshes an expiring token through supabase-js and hands the new cookies to the response", async () => {
    const { getSessionUser } = await import("@/server/auth/session");
    const { browser: client, id } = await signedUpWithExpiredToken("Refresh");
    const before = gotrue.state.refreshCount;
    const responseHeaders = new Headers();
    const user = await getSessionUser(client.request("GET", "/api/auth/user"), responseHeaders);
    expect(user).toMatchObject({ id, displayName: "Refresh" });
    expect(gotrue.state.refreshCount).toBe(before + 1);
    const renewed = responseHeaders.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).not.toContain(client.cookies.get(SESSION_COOKIE) as string);
  });

  it("sign-out revokes the session at GoTrue and expires the cookies", async () => {
    const { browser: client } = await signedUpWithExpiredToken("Bye");
    const copy = browser();
    for (const [name, value] of client.cookies) copy.cookies.set(name, value);
    const response = await client.send(routes.signOut, "POST", "/api/auth/sign-out");
    expect(response.status).toBe(200);
    expect(gotrue.calls).toContain("POST /logout");
    expect(client.cookies.size).toBe(0);
    // The copy's token has expired, so reading it needs a refresh, which GoTrue now refuses.
    await expectError(await whoAmI(copy), 401);
  });

  it("sign-out-all revokes every session of the account", async () => {
    const { browser: laptop, email } = await signedUpWithExpiredToken("All");
    const { browser: bystander } = await signedUpWithExpiredToken("Other");
    const phone = browser();
    gotrue.state.accessTokenSeconds = -10;
    await phone.send(routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password: PASSWORD } });
    gotrue.state.accessTokenSeconds = 3600;
    const stalePhone = browser();
    for (const [name, value] of phone.cookies) stalePhone.cookies.set(name, value);

    expect((await whoAmI(phone)).status).toBe(200);
    expect((await laptop.send(routes.signOutAll, "POST", "/api/auth/sign-out-all")).status).toBe(200);
    expect(laptop.cookies.size).toBe(0);
    await expectError(await whoAmI(stalePhone), 401);
    expect((await whoAmI(bystander)).status).toBe(200);
  });
});
