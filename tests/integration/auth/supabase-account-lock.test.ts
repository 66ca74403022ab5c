import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { RATE_LIMIT_POLICIES } from "@/server/security/rate-limit";
import { callerAddressHeaders } from "../../support/caller-address";
import type { FakeGoTrue } from "../../support/fake-gotrue";
import { expectError, PASSWORD, signedUpBrowser, temporaryDataDir } from "./fixtures";
import type { AuthRoutes } from "./load-auth-routes";
import { APP_URL, startSupabaseApp } from "./supabase-app";
import { TestBrowser } from "../../support/test-browser";

// The per-account lock in Supabase mode: same answers as embedded, GoTrue still asked while locked.
const dataDir = temporaryDataDir();
let routes: AuthRoutes;
let gotrue: FakeGoTrue;

beforeAll(async () => {
  ({ routes, gotrue } = await startSupabaseApp(dataDir));
});

afterAll(async () => {
  await gotrue.close();
});

let addressCount = 0;
const signIn = (email: string, password: string) =>
  new TestBrowser(APP_URL).send(routes.signIn, "POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: callerAddressHeaders(`198.19.${(addressCount >> 8) & 255}.${++addressCount & 255}`),
  });

const liveSessions = (userId: string) =>
  [...gotrue.state.sessions.values()].filter((session) => session.userId === userId && !session.revoked).length;

describe("Supabase mode: per-account lock", () => {
  it("refuses the right password while locked like a wrong one, leaving no session behind, until a reset", async () => {
    const { email, id } = await signedUpBrowser(routes, "SupaLocked", new TestBrowser(APP_URL));
    const wrong = await expectError(await signIn(email, "not the password at all"), 401);
    for (let i = 1; i < RATE_LIMIT_POLICIES.signInAccountFailures.limit; i += 1) {
      expect((await signIn(email, "not the password at all")).status).toBe(401);
    }
    const sessionsBefore = liveSessions(id);
    const locked = await signIn(email, PASSWORD);
    const refused = await expectError(locked, 401);
    expect({ code: refused.code, message: refused.message }).toEqual({ code: wrong.code, message: wrong.message });
    expect(locked.headers.getSetCookie()).toEqual([]);
    expect(liveSessions(id)).toBe(sessionsBefore);

    await new TestBrowser(APP_URL).send(routes.resetPassword, "POST", "/api/auth/reset-password", { body: { email } });
    await settleAfterResponse();
    const { tokenHash } = gotrue.state.sentRecoveries.at(-1) as { tokenHash: string };
    const newPassword = `${PASSWORD} renewed`;
    const confirmed = await new TestBrowser(APP_URL).send(
      routes.confirmReset,
      "POST",
      "/api/auth/reset-password/confirm",
      { body: { token: tokenHash, password: newPassword } },
    );
    expect(confirmed.status).toBe(200);
    expect((await signIn(email, newPassword)).status).toBe(200);
  });
});
