import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { expectError, PASSWORD, signedUpBrowser, uniqueEmail } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import type { SecurityCall } from "./security-app";
import { TestBrowser } from "../../support/test-browser";

export const NEW_PASSWORD = "amber lantern quietly folds seven maps";

export interface SecurityHarness {
  routes: AuthRoutes;
  call: SecurityCall;
  origin: string;
  /** The token of the newest email-change link mailed to `newEmail` (by the app, or by GoTrue). */
  emailChangeToken(newEmail: string): Promise<string | undefined>;
  /** Rows of the account's audit log with this action. */
  auditCount(userId: string, action: string): Promise<number>;
  canCancelEmailChange: boolean;
}

interface SessionRow {
  id: string;
  current: boolean;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
}

/** Settings → Security through the real routes, the same for every auth adapter. */
export function securityScenarios(harness: () => SecurityHarness): void {
  const h = () => harness();
  const browser = () => new TestBrowser(h().origin);

  async function signUp(name: string) {
    return signedUpBrowser(h().routes, name, browser());
  }

  async function signIn(email: string, password: string, client = browser()) {
    const response = await client.send(h().routes.signIn, "POST", "/api/auth/sign-in", { body: { email, password } });
    return { status: response.status, client };
  }

  async function whoAmI(client: TestBrowser): Promise<{ status: number; email?: string }> {
    const response = await client.send(h().routes.user, "GET", "/api/auth/user");
    if (response.status !== 200) return { status: response.status };
    return { status: 200, email: ((await response.json()) as { user: { email: string } }).user.email };
  }

  async function sessionsOf(client: TestBrowser): Promise<SessionRow[]> {
    const response = await h().call(client, "GET", "/api/auth/sessions");
    expect(response.status).toBe(200);
    return ((await response.json()) as { sessions: SessionRow[] }).sessions;
  }

  describe("changing the password", () => {
    it("refuses a wrong current password with 422 and changes nothing", async () => {
      const { browser: client, email, id } = await signUp("WrongCurrent");
      const other = (await signIn(email, PASSWORD)).client;
      const response = await h().call(client, "POST", "/api/auth/password", {
        currentPassword: "not the password at all",
        newPassword: NEW_PASSWORD,
      });
      const error = await expectError(response, 422);
      expect(error.details).toEqual([{ path: "currentPassword", message: "The current password is incorrect." }]);
      expect((await whoAmI(other)).status).toBe(200);
      expect((await signIn(email, PASSWORD)).status).toBe(200);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(401);
      expect(await h().auditCount(id, "auth.password_changed")).toBe(0);
    });

    it("refuses a weak or unchanged new password with 422 after checking the current one, and changes nothing", async () => {
      const { browser: client, email } = await signUp("WeakNew");
      for (const newPassword of ["password1234", PASSWORD]) {
        const response = await h().call(client, "POST", "/api/auth/password", {
          currentPassword: PASSWORD,
          newPassword,
        });
        const error = await expectError(response, 422);
        expect(error.details).toEqual([{ path: "newPassword", message: expect.any(String) as string }]);
      }
      expect((await signIn(email, PASSWORD)).status).toBe(200);
    });

    it("sets the new password, keeps this session and signs out every other one", async () => {
      const { browser: client, email, id } = await signUp("Changer");
      const other = (await signIn(email, PASSWORD)).client;
      const response = await h().call(client, "POST", "/api/auth/password", {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      await settleAfterResponse();
      expect((await whoAmI(client)).status).toBe(200);
      expect((await whoAmI(other)).status).toBe(401);
      expect((await signIn(email, PASSWORD)).status).toBe(401);
      expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
      expect(await h().auditCount(id, "auth.password_changed")).toBe(1);
    });
  });

  describe("sessions", () => {
    it("lists the account's sessions with this device marked and the browser recorded", async () => {
      const { browser: client, email } = await signUp("Lister");
      await signIn(email, PASSWORD);
      const sessions = await sessionsOf(client);
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((session) => session.current)).toHaveLength(1);
      for (const session of sessions) {
        expect(session.userAgent).toBe("vitest");
        expect(Date.parse(session.createdAt)).not.toBeNaN();
        expect(Date.parse(session.lastSeenAt)).not.toBeNaN();
      }
    });

    it("signs out one session by id: it can no longer call the API, and a second try is 404", async () => {
      const { browser: client, email, id } = await signUp("Revoker");
      const other = (await signIn(email, PASSWORD)).client;
      const target = (await sessionsOf(client)).find((session) => !session.current) as SessionRow;
      const response = await h().call(client, "DELETE", `/api/auth/sessions/${target.id}`);
      expect(response.status).toBe(200);
      expect((await whoAmI(other)).status).toBe(401);
      expect((await h().call(other, "GET", "/api/auth/sessions")).status).toBe(401);
      expect((await whoAmI(client)).status).toBe(200);
      await expectError(await h().call(client, "DELETE", `/api/auth/sessions/${target.id}`), 404);
      expect(await h().auditCount(id, "auth.session_revoked")).toBe(1);
    });

    it("cannot sign out another account's session: 404, and that session lives on", async () => {
      const victim = await signUp("Victim");
      const attacker = await signUp("Attacker");
      const [victimSession] = await sessionsOf(victim.browser);
      await expectError(
        await h().call(attacker.browser, "DELETE", `/api/auth/sessions/${(victimSession as SessionRow).id}`),
        404,
      );
      expect((await whoAmI(victim.browser)).status).toBe(200);
      expect(await sessionsOf(attacker.browser)).toHaveLength(1);
    });

    it("signs out all other sessions and keeps this one", async () => {
      const { browser: client, email } = await signUp("AllOthers");
      const others = [(await signIn(email, PASSWORD)).client, (await signIn(email, PASSWORD)).client];
      const response = await h().call(client, "POST", "/api/auth/sessions/revoke-others");
      expect(response.status).toBe(200);
      for (const other of others) expect((await whoAmI(other)).status).toBe(401);
      expect((await whoAmI(client)).status).toBe(200);
      expect((await sessionsOf(client)).map((session) => session.current)).toEqual([true]);
    });

    it("answers 401 to a caller without a session", async () => {
      await expectError(await h().call(browser(), "GET", "/api/auth/sessions"), 401);
      await expectError(await h().call(browser(), "POST", "/api/auth/sessions/revoke-others"), 401);
      await expectError(await h().call(browser(), "DELETE", `/api/auth/sessions/${randomUUID()}`), 401);
      await expectError(
        await h().call(browser(), "POST", "/api/auth/password", {
          currentPassword: PASSWORD,
          newPassword: NEW_PASSWORD,
        }),
        401,
      );
    });
  });

  describe("changing the email", () => {
    it("refuses a wrong current password with 422: nothing pending, nothing mailed", async () => {
      const { browser: client } = await signUp("EmailWrong");
      const newEmail = uniqueEmail("EmailWrongNew");
      const response = await h().call(client, "POST", "/api/auth/email-change", {
        newEmail,
        currentPassword: "not the password at all",
      });
      await expectError(response, 422);
      await settleAfterResponse();
      expect(await h().emailChangeToken(newEmail)).toBeUndefined();
      const status = await h().call(client, "GET", "/api/auth/email-change");
      expect(((await status.json()) as { pending: unknown }).pending).toBeNull();
    });

    it("changes the address only when the link mailed to the new address is used, and only once", async () => {
      const { browser: client, email, id } = await signUp("Mover");
      const newEmail = uniqueEmail("MoverNew");
      const response = await h().call(client, "POST", "/api/auth/email-change", {
        newEmail: newEmail.toUpperCase(),
        currentPassword: PASSWORD,
      });
      expect(response.status).toBe(202);
      expect(((await response.json()) as { message: string }).message).toContain(newEmail);
      await settleAfterResponse();

      // Nothing changed yet: the old address still signs in, the new one does not, and the change is pending.
      expect((await whoAmI(client)).email).toBe(email);
      expect((await signIn(newEmail, PASSWORD)).status).toBe(401);
      const status = await h().call(client, "GET", "/api/auth/email-change");
      expect(((await status.json()) as { pending: { newEmail: string } }).pending.newEmail).toBe(newEmail);

      const token = await h().emailChangeToken(newEmail);
      expect(token).toBeDefined();
      const confirmed = await h().call(browser(), "POST", "/api/auth/email-change/confirm", { token });
      expect(confirmed.status).toBe(200);
      expect(await confirmed.json()).toEqual({ ok: true, email: newEmail });
      await settleAfterResponse();

      expect((await whoAmI(client)).email).toBe(newEmail);
      expect((await signIn(newEmail, PASSWORD)).status).toBe(200);
      expect((await signIn(email, PASSWORD)).status).toBe(401);
      await expectError(await h().call(browser(), "POST", "/api/auth/email-change/confirm", { token }), 400);
      expect(await h().auditCount(id, "auth.email_change_requested")).toBe(1);
      expect(await h().auditCount(id, "auth.email_change_confirmed")).toBe(1);
    });

    it("refuses the current address as the new one", async () => {
      const { browser: client, email } = await signUp("Same");
      const response = await h().call(client, "POST", "/api/auth/email-change", {
        newEmail: email,
        currentPassword: PASSWORD,
      });
      await expectError(response, 422);
    });

    it("refuses made-up confirmation tokens with 4xx", async () => {
      for (const token of [
        "A".repeat(43),
        "x".repeat(20),
        "../../etc/passwd-and-more-characters",
        "\u0000".repeat(25),
      ]) {
        const response = await h().call(browser(), "POST", "/api/auth/email-change/confirm", { token });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
    });

    it("withdraws a pending change when the adapter allows it: its link stops working", async () => {
      if (!h().canCancelEmailChange) {
        const { browser: client } = await signUp("NoCancel");
        await expectError(await h().call(client, "DELETE", "/api/auth/email-change"), 400);
        return;
      }
      const { browser: client, email } = await signUp("Canceller");
      const newEmail = uniqueEmail("CancellerNew");
      expect(
        (await h().call(client, "POST", "/api/auth/email-change", { newEmail, currentPassword: PASSWORD })).status,
      ).toBe(202);
      await settleAfterResponse();
      const token = await h().emailChangeToken(newEmail);
      expect((await h().call(client, "DELETE", "/api/auth/email-change")).status).toBe(200);
      const status = await h().call(client, "GET", "/api/auth/email-change");
      expect(((await status.json()) as { pending: unknown }).pending).toBeNull();
      await expectError(await h().call(browser(), "POST", "/api/auth/email-change/confirm", { token }), 400);
      expect((await whoAmI(client)).email).toBe(email);
    });
  });

  describe("hostile input", () => {
    const bodies: unknown[] = [
      "{not json",
      "[]",
      "null",
      { currentPassword: null, newPassword: null, newEmail: null, token: null },
      { currentPassword: 42, newPassword: ["x"], newEmail: { $ne: 1 }, token: 7 },
      { currentPassword: "x".repeat(10_000), newPassword: "y".repeat(10_000), newEmail: `${"z".repeat(300)}@e.com` },
      {
        newEmail: "not-an-email",
        currentPassword: PASSWORD,
        newPassword: "\ud800".repeat(20),
        token: "\ud800".repeat(30),
      },
    ];
    const targets: ["POST" | "DELETE", string][] = [
      ["POST", "/api/auth/password"],
      ["POST", "/api/auth/email-change"],
      ["POST", "/api/auth/email-change/confirm"],
    ];

    it("answers every malformed body and session id with 4xx, never 5xx, and changes nothing", async () => {
      const { browser: client, email } = await signUp("Hostile");
      for (const [method, path] of targets) {
        for (const body of bodies) {
          const response = await h().call(client, method, path, body);
          expect(response.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
        }
      }
      for (const id of [
        "not-a-uuid",
        "1 or 1=1",
        "%00",
        "00000000-0000-0000-0000-00000000000g",
        "'; drop table x;--",
      ]) {
        const response = await h().call(client, "DELETE", `/api/auth/sessions/${encodeURIComponent(id)}`);
        expect(response.status, id).toBeGreaterThanOrEqual(400);
        expect(response.status, id).toBeLessThan(500);
      }
      expect((await whoAmI(client)).email).toBe(email);
      expect((await signIn(email, PASSWORD)).status).toBe(200);
    });
  });
}
