import { randomBytes, scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError, PASSWORD, signedUpBrowser, temporaryDataDir, uniqueEmail } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { setCookies, TestBrowser } from "./test-browser";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let verificationCount: () => Promise<number>;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
  ({ passwordVerificationCount: verificationCount } = await import("@/server/auth/embedded/password"));
});

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

  it("refuses a second account for the same email, whatever its case, with 409", async () => {
    const { email } = await signedUpBrowser(routes, "Dup");
    const response = await new TestBrowser().send(routes.signUp, "POST", "/api/auth/sign-up", {
      body: { email: email.toUpperCase(), password: PASSWORD, displayName: "Again" },
    });
    const error = await expectError(response, 409);
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/already exists/);
    expect(response.headers.getSetCookie()).toEqual([]);
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

  it("sign-in with no body answers 422 naming both fields", async () => {
    const error = await expectError(await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in"), 422);
    const paths = (error.details as { path: string }[]).map((issue) => issue.path).sort();
    expect(paths).toEqual(["email", "password"]);
  });
});
