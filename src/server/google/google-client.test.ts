import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGoogle, type FakeGoogle } from "../../../tests/support/fake-google";
import { googleEndpoints, type GoogleSettings } from "./config";
import { isGoogleError } from "./errors";
import { gmailMailbox } from "./gmail";
import {
  consentUrl,
  createOAuthClient,
  createPkcePair,
  exchangeCode,
  fetchGoogleAccount,
  refreshTokens,
  revokeToken,
} from "./oauth";
import { parseGmailMessage } from "./parse-message";

let google: FakeGoogle;
let settings: GoogleSettings;
const redirectUri = "http://app.test/api/integrations/google/callback";
const fastRetry = { retries: 2, baseDelayMs: 5 };

beforeAll(async () => {
  google = await startFakeGoogle();
  settings = { clientId: "fake-client-id", clientSecret: "fake-client-secret", endpoints: googleEndpoints(google.url) };
});
afterAll(() => google.close());
beforeEach(() => {
  google.state.faults.length = 0;
  google.state.grantScopes = null;
});

/** Walks the consent screen like a browser would and returns the code Google sends back. */
async function consent(state = "s1"): Promise<{ code: string; verifier: string; scope: string }> {
  const client = createOAuthClient(settings, redirectUri, fastRetry);
  const pkce = await createPkcePair(client);
  const url = consentUrl(client, { state, codeChallenge: pkce.challenge });
  expect(url.startsWith(`${google.url}/o/oauth2/v2/auth?`)).toBe(true);
  const answer = await fetch(url, { redirect: "manual" });
  const location = new URL(answer.headers.get("location") ?? "");
  expect(location.searchParams.get("state")).toBe(state);
  return {
    code: location.searchParams.get("code") ?? "",
    verifier: pkce.verifier,
    scope: location.searchParams.get("scope") ?? "",
  };
}

describe("google-auth-library against the fake Google", () => {
  it("exchanges a code with its PKCE verifier, reads the account, refreshes and revokes", async () => {
    const { code, verifier } = await consent();
    const client = createOAuthClient(settings, redirectUri, fastRetry);
    const tokens = await exchangeCode(client, code, verifier);
    expect(tokens.refreshToken).toMatch(/^1\/\//);
    expect(tokens.scopes).toContain("https://www.googleapis.com/auth/gmail.readonly");
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(await fetchGoogleAccount(createOAuthClient(settings), settings, tokens.accessToken)).toEqual({
      email: google.state.account.email,
      emailVerified: true,
    });
    const refreshed = await refreshTokens(createOAuthClient(settings), tokens.refreshToken ?? "");
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    await revokeToken(createOAuthClient(settings), tokens.refreshToken ?? "");
    const error = await refreshTokens(createOAuthClient(settings), tokens.refreshToken ?? "").catch((e: unknown) => e);
    expect(isGoogleError(error, "grant_revoked")).toBe(true);
    // Revoking what Google no longer knows is not an error.
    await expect(revokeToken(createOAuthClient(settings), tokens.refreshToken ?? "")).resolves.toBeUndefined();
  });

  it("refuses a code redeemed with the wrong PKCE verifier", async () => {
    const { code } = await consent();
    const error = await exchangeCode(createOAuthClient(settings, redirectUri), code, "x".repeat(64)).catch(
      (e: unknown) => e,
    );
    expect(isGoogleError(error, "grant_revoked")).toBe(true);
  });

  it("never retries invalid_grant, retries a 503 from the token endpoint once", async () => {
    const before = google.state.calls.filter((call) => call === "POST /token").length;
    await refreshTokens(createOAuthClient(settings, undefined, fastRetry), "1//unknown").catch(() => undefined);
    expect(google.state.calls.filter((call) => call === "POST /token").length - before).toBe(1);

    const { code, verifier } = await consent();
    const tokens = await exchangeCode(createOAuthClient(settings, redirectUri), code, verifier);
    google.state.fail("POST /token", 503, "backendError", 1);
    const refreshed = await refreshTokens(createOAuthClient(settings, undefined, fastRetry), tokens.refreshToken ?? "");
    expect(refreshed.accessToken).toMatch(/^ya29\./);
  });

  it("reports scopes narrower than requested, and Gmail answers 403 insufficient scope", async () => {
    google.state.grantScopes = (requested) => requested.filter((scope) => !scope.includes("gmail"));
    const { code, verifier, scope } = await consent();
    expect(scope).not.toContain("gmail");
    const tokens = await exchangeCode(createOAuthClient(settings, redirectUri), code, verifier);
    expect(tokens.scopes).not.toContain("https://www.googleapis.com/auth/gmail.readonly");
    const auth = createOAuthClient(settings);
    auth.setCredentials({ access_token: tokens.accessToken, expiry_date: tokens.expiresAt.getTime() });
    const error = await gmailMailbox(auth, settings, fastRetry)
      .profile()
      .catch((e: unknown) => e);
    expect(isGoogleError(error, "insufficient_scope")).toBe(true);
  });
});

describe("@googleapis/gmail against the fake Google", () => {
  async function mailbox() {
    const { code, verifier } = await consent();
    const tokens = await exchangeCode(createOAuthClient(settings, redirectUri), code, verifier);
    const auth = createOAuthClient(settings, undefined, fastRetry);
    auth.setCredentials({ access_token: tokens.accessToken, expiry_date: tokens.expiresAt.getTime() });
    return gmailMailbox(auth, settings, fastRetry);
  }

  it("lists, reads and parses messages, pages history through empty pages, and 404s stale history", async () => {
    const gmail = await mailbox();
    const start = (await gmail.profile()).historyId;
    const sent = google.state.addMail({
      from: '"Sam, Client" <Sam@Example.com>',
      to: ["practitioner@gmail.example"],
      cc: ["other@example.com"],
      subject: "Reschedule",
      html: "<p>Can we move <b>Tuesday</b>?</p><script>alert(1)</script>",
      attachments: [{ name: "plan.pdf", size: 1234 }],
    });
    const page = await gmail.listMessages({ query: "after:0" });
    expect(page.ids.map((entry) => entry.id)).toContain(sent.id);
    const full = await gmail.getMessage(sent.id, "full");
    const parsed = parseGmailMessage(full ?? {});
    expect(parsed.from).toEqual({ name: "Sam, Client", email: "sam@example.com" });
    expect(parsed.cc).toEqual([{ name: null, email: "other@example.com" }]);
    expect(parsed.body).toBe("Can we move Tuesday?");
    expect(parsed.attachments).toEqual([{ name: "plan.pdf", size: 1234 }]);
    expect(await gmail.getMessage("ffffffffffffffff", "full")).toBeNull();

    google.state.emptyHistoryPages = 2;
    let history = await gmail.listHistory({ startHistoryId: start });
    expect(history.added).toEqual([]);
    expect(history.nextPageToken).toBe("e1");
    history = await gmail.listHistory({ startHistoryId: start, pageToken: history.nextPageToken });
    history = await gmail.listHistory({ startHistoryId: start, pageToken: history.nextPageToken });
    expect(history.added).toContain(sent.id);
    google.state.emptyHistoryPages = 0;

    google.state.expireHistory();
    const stale = await gmail.listHistory({ startHistoryId: start }).catch((e: unknown) => e);
    expect(isGoogleError(stale, "history_expired")).toBe(true);
    google.state.historyFloor = 0;
  });

  it("retries 429, 5xx and userRateLimitExceeded a bounded number of times, never a 401", async () => {
    const gmail = await mailbox();
    google.state.fail("GET /gmail/v1/users/me/profile", 429, "rateLimitExceeded", 1);
    google.state.fail("GET /gmail/v1/users/me/profile", 403, "userRateLimitExceeded", 1);
    await expect(gmail.profile()).resolves.toMatchObject({ emailAddress: google.state.account.email });

    const count = () => google.state.calls.filter((call) => call === "GET /gmail/v1/users/me/profile").length;
    let before = count();
    google.state.fail("GET /gmail/v1/users/me/profile", 500, "backendError", 5);
    const error = await gmail.profile().catch((e: unknown) => e);
    expect(isGoogleError(error, "unavailable")).toBe(true);
    expect(count() - before).toBe(3);
    google.state.faults.length = 0;

    before = count();
    google.state.fail("GET /gmail/v1/users/me/profile", 401, "authError", 5);
    expect(isGoogleError(await gmail.profile().catch((e: unknown) => e), "grant_revoked")).toBe(true);
    expect(count() - before).toBe(1);
  });
});
