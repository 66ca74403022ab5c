import { randomBytes, scryptSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_UP_CHECK_EMAIL_MESSAGE } from "@/lib/contracts/auth";
import { WEAK_PASSWORD_MESSAGE } from "@/lib/password-strength";
import {
  decodeQuotedPrintable,
  expectError,
  PASSWORD,
  signedUpBrowser,
  temporaryDataDir,
  uniqueEmail,
} from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { setCookies, TestBrowser } from "../../support/test-browser";

const dataDir = temporaryDataDir();
const outbox = path.join(dataDir, "mail");
let routes: AuthRoutes;
let verificationCount: () => Promise<number>;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
  ({ passwordVerificationCount: verificationCount } = await import("@/server/auth/embedded/password"));
});

function mailFiles(): string[] {
  return fs.existsSync(outbox) ? fs.readdirSync(outbox) : [];
}

describe("sign-up", () => {
  it("creates the account and profile, answers 201 and sets an HttpOnly Lax session cookie", async () => {
    const browser = new TestBrowser();
    const email = uniqueEmail("Ada");
    const response = await browser.send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: " Ada Lovelace " },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string; displayName: string } };
    expect(body).toEqual({
      user: { id: expect.any(String) as string, email, displayName: "Ada Lovelace" },
      signedIn: true,
    });

    const cookie = setCookies(response).get("omnicrm_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: 12 * 3600 });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^p\.[A-Za-z0-9_-]{43}$/);
    expect(response.headers.getSetCookie().join()).not.toContain("__Host-");

    const me = await browser.send(routes.user, "GET", "/api/auth/user");
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: body.user });
  });

  it("over HTTPS names the cookie __Host-omnicrm_session and marks it Secure", async () => {
    for (const browser of [
      new TestBrowser("https://crm.example.com"),
      new TestBrowser("http://localhost:3000", { "x-forwarded-proto": "https" }),
    ]) {
      const { browser: signedIn } = await signedUpBrowser(routes, "Grace", browser);
      expect([...signedIn.cookies.keys()]).toEqual(["__Host-omnicrm_session"]);
      const me = await signedIn.send(routes.user, "GET", "/api/auth/user");
      expect(me.status).toBe(200);
    }
    const response = await new TestBrowser("https://crm.example.com").send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email: uniqueEmail("Secure"), password: PASSWORD, displayName: "Secure" },
    });
    expect(setCookies(response).get("__Host-omnicrm_session")).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: "lax",
      path: "/",
    });
    expect(setCookies(response).get("__Host-omnicrm_session")?.domain).toBeUndefined();
  });

  it("answers an email that already has an account like a confirmation: 201, no session, the owner mailed", async () => {
    const { email, id } = await signedUpBrowser(routes, "Dup");
    const before = new Set(mailFiles());
    const stranger = new TestBrowser();
    const response = await stranger.send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email: email.toUpperCase(), password: "violet kettle moss orbit", displayName: "Again" },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ signedIn: false, message: SIGN_UP_CHECK_EMAIL_MESSAGE });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await stranger.send(routes.user, "GET", "/api/auth/user")).status).toBe(401);

    const mailed = mailFiles().filter((file) => !before.has(file));
    expect(mailed).toHaveLength(1);
    const message = decodeQuotedPrintable(fs.readFileSync(path.join(outbox, mailed[0] as string), "utf8"));
    expect(message).toContain(`To: ${email}`);
    expect(message).toMatch(/tried to create an OmniCRM account with this email address/);
    expect(message).toMatch(/https?:\/\/\S+\/reset-password\b/);

    // Nothing about the account changed: the old password still works, the stranger's does not, the name stays.
    const signIn = (password: string) =>
      new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password } });
    expect((await signIn("violet kettle moss orbit")).status).toBe(401);
    const owner = await signIn(PASSWORD);
    expect(await owner.json()).toEqual({ user: { id, email, displayName: "Dup" } });
  });
});

describe("sign-in", () => {
  it("opens a new session with the right password", async () => {
    const { email, id } = await signedUpBrowser(routes, "Right");
    const browser = new TestBrowser();
    const response = await browser.send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: { id, email, displayName: "Right" } });
    expect(browser.cookies.get("omnicrm_session")).toMatch(/^p\.[A-Za-z0-9_-]{43}$/);
    expect((await browser.send(routes.user, "GET", "/api/auth/user")).status).toBe(200);
  });

  it("answers a wrong password and an unknown email identically, after one verification each", async () => {
    const { email } = await signedUpBrowser(routes, "Target");
    const attempt = async (body: { email: string; password: string }) => {
      const before = await verificationCount();
      const response = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", { body });
      const verifications = (await verificationCount()) - before;
      const error = await expectError(response, 401);
      return { verifications, code: error.code, message: error.message, cookies: response.headers.getSetCookie() };
    };
    const wrongPassword = await attempt({ email, password: "not the password at all" });
    const unknownEmail = await attempt({ email: uniqueEmail("nobody"), password: "not the password at all" });
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword).toEqual({
      verifications: 1,
      code: "unauthorized",
      message: "The email or password is incorrect.",
      cookies: [],
    });
  });

  it("re-hashes a password stored with older scrypt parameters", async () => {
    const { getDatabase } = await import("@/server/db");
    const { email, id } = await signedUpBrowser(routes, "Legacy");
    const { sql } = await getDatabase();
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD.normalize("NFKC"), salt, 32, { N: 1024, r: 8, p: 1 });
    const legacy = `$scrypt$ln=10,r=8,p=1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    await sql.query("update app_private.local_credentials set password_hash = $1 where user_id = $2", [legacy, id]);

    const response = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email, password: PASSWORD },
    });
    expect(response.status).toBe(200);
    const [row] = await sql.query<{ password_hash: string }>(
      "select password_hash from app_private.local_credentials where user_id = $1",
      [id],
    );
    expect(row?.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
  });
});

describe("bad input", () => {
  const cases: [string, unknown, number][] = [
    ["malformed JSON", "{not json", 400],
    ["an array", [1, 2], 422],
    ["a missing password", { email: "a@example.com" }, 422],
    ["an invalid email", { email: "not-an-email", password: PASSWORD, displayName: "X" }, 422],
    ["a short password", { email: "short@example.com", password: "short", displayName: "X" }, 422],
  ];

  it.each(cases)("sign-up with %s answers %i with the error shape", async (_label, body, status) => {
    const error = await expectError(
      await new TestBrowser().send(routes.signUp, "POST", "/api/auth/sign-up", { body }),
      status,
    );
    if (status === 422)
      expect(error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.any(String) as string })]),
      );
  });

  it.each([
    ["a common password", "password1234"],
    ["a repeated character", "aaaaaaaaaaaa"],
    ["the email itself", "guessable.owner@example.com"],
  ])("sign-up with %s answers 422 with the contract's message, and creates nothing", async (_label, password) => {
    const browser = new TestBrowser();
    const response = await browser.send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email: "Guessable.Owner@example.com", password, displayName: "Guessable Owner" },
    });
    const error = await expectError(response, 422);
    expect(error.details).toEqual([expect.objectContaining({ path: "password", message: WEAK_PASSWORD_MESSAGE })]);
    expect(response.headers.getSetCookie()).toEqual([]);
    const signIn = await browser.send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email: "guessable.owner@example.com", password },
    });
    expect(signIn.status).toBe(401);
  });

  it("sign-in with no body answers 422 naming both fields", async () => {
    const error = await expectError(await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in"), 422);
    const paths = (error.details as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(["email", "password"]);
  });
});
