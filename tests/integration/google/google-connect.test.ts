import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { GoogleIntegration } from "@/lib/contracts/google";
import type { TimelinePage } from "@/lib/contracts/timeline";
import { expectError, signedUpBrowser } from "../auth/fixtures";
import { Practitioner, systemRows } from "../contacts/client-records-api";
import { TestBrowser } from "../../support/test-browser";
import {
  connect,
  connectionOf,
  consentFor,
  createClient,
  daysAgo,
  finishConnect,
  loadGoogleApp,
  runJobs,
  signUp,
  syncNow,
  type GoogleApp,
} from "./google-app";

let app: GoogleApp;

beforeAll(async () => {
  app = await loadGoogleApp();
});

describe("Connect Google", () => {
  it("connects, stores the tokens encrypted from the first write, and imports only mail with clients from the window", async () => {
    const alice = await signUp(app, "Alice");
    const sam = await createClient(alice, "Sam Client", "Sam@Example.com");
    const me = app.google.state.account.email;
    app.google.state.addMail({ from: "Sam <sam@example.com>", to: [me], subject: "Tuesday?", text: "Can we move it?" });
    app.google.state.addMail({ from: me, to: ["sam@example.com"], subject: "Re: Tuesday?", text: "Sure." });
    app.google.state.addMail({ from: "stranger@else.example", to: [me], subject: "Not a client" });
    app.google.state.addMail({ from: "sam@example.com", to: [me], subject: "Too old", date: daysAgo(120) });
    app.google.state.addMail({ from: "sam@example.com", to: [me], subject: "Spam", labelIds: ["SPAM"] });

    expect(await connect(app, alice)).toBe("connected");
    const row = await connectionOf(alice.id);
    expect(row?.status).toBe("connected");
    const issued = [...app.google.state.refreshTokens.keys()].at(-1) ?? "";
    expect(row?.refresh_token_enc).toMatch(/^v[A-Za-z0-9]+:/);
    expect(row?.refresh_token_enc).not.toContain(issued);
    expect(JSON.stringify(row)).not.toMatch(/ya29\.|1\/\//);
    // The state was spent.
    expect(await systemRows(sql`select 1 from app_private.google_oauth_states where user_id = ${alice.id}`)).toEqual(
      [],
    );

    await runJobs();
    const subjects = await systemRows<{ subject: string; direction: string }>(
      sql`select subject, direction from public.email_messages where user_id = ${alice.id} order by subject`,
    );
    expect(subjects).toEqual([
      { subject: "Re: Tuesday?", direction: "sent" },
      { subject: "Tuesday?", direction: "received" },
    ]);
    const status = await alice.expect<GoogleIntegration>(200, "GET", "/api/integrations/google");
    expect(status).toMatchObject({
      configured: true,
      redirectUri: "http://localhost:3000/api/integrations/google/callback",
      connection: {
        googleEmail: me,
        gmailGranted: true,
        status: "connected",
        syncState: "up_to_date",
        messagesImported: 2,
      },
    });

    const timeline = await alice.expect<TimelinePage>(200, "GET", `/api/contacts/${sam}/timeline`);
    expect(timeline.entries.map((entry) => entry.kind)).toEqual(["email", "email"]);

    // Resync from scratch imports nothing twice.
    await alice.expect(202, "POST", "/api/integrations/google/sync", { full: true });
    await runJobs();
    expect((await connectionOf(alice.id))?.messages_imported).toBe(2);
    expect(
      await systemRows(sql`select count(*)::int as n from public.email_messages where user_id = ${alice.id}`),
    ).toEqual([{ n: 2 }]);
  });

  it("binds the state to the session that started it: another session, another account or a replay gets nothing", async () => {
    const bea = await signUp(app, "Bea");
    const callback = await consentFor(app, bea);
    // Bea signed in on a second device: a different session of the same account.
    const other = new TestBrowser();
    const signIn = await other.send(app.api.auth.signIn, "POST", "/api/auth/sign-in", {
      body: { email: bea.email, password: "correct horse battery staple" },
    });
    expect(signIn.status).toBe(200);
    expect(await finishConnect(new Practitioner(app.api, other, bea.id), callback)).toBe("expired");
    // The failed attempt spent the state: the original session cannot use it any more either.
    expect(await finishConnect(bea, callback)).toBe("expired");

    const carl = await signUp(app, "Carl");
    const carlsCallback = await consentFor(app, carl);
    expect(await finishConnect(bea, carlsCallback)).toBe("expired");
    expect(await connectionOf(bea.id)).toBeUndefined();

    // Unsigned: no session, no connection.
    const anonymous = await new TestBrowser().call("GET", "/api/integrations/google/connect");
    await expectError(anonymous, 401);
  });

  it("reports a refused consent and scopes narrower than asked for", async () => {
    const dee = await signUp(app, "Dee");
    app.google.state.denyConsent = true;
    expect(await connect(app, dee)).toBe("denied");
    app.google.state.denyConsent = false;

    app.google.state.grantScopes = (requested) => requested.filter((scope) => !scope.includes("gmail"));
    expect(await connect(app, dee)).toBe("no_gmail");
    app.google.state.grantScopes = null;
    const status = await dee.expect<GoogleIntegration>(200, "GET", "/api/integrations/google");
    expect(status.connection).toMatchObject({
      gmailGranted: false,
      status: "needs_reconnect",
      syncState: "needs_reconnect",
    });
    await dee.expect(409, "POST", "/api/integrations/google/sync", {});
    // Reconnecting and allowing Gmail fixes it in one go.
    expect(await connect(app, dee)).toBe("connected");
    expect((await connectionOf(dee.id))?.status).toBe("connected");
  });

  it("invalid_grant moves the connection to needs reconnect at once, with no retries; reconnecting keeps the sync position", async () => {
    const eve = await signUp(app, "Eve");
    await createClient(eve, "Fay", "fay@example.com");
    app.google.state.addMail({ from: "fay@example.com", to: [app.google.state.account.email], subject: "Hello" });
    expect(await connect(app, eve)).toBe("connected");
    await runJobs();
    const before = await connectionOf(eve.id);
    expect(before?.history_id).not.toBeNull();

    // The practitioner revoked access at Google; the stored access token has run out.
    app.google.state.revokeAllGrants();
    await systemRows(
      sql`update public.google_connections set token_expires_at = now() - interval '1 minute' where user_id = ${eve.id}`,
    );
    const tokenCalls = () => app.google.state.calls.filter((call) => call === "POST /token").length;
    const callsBefore = tokenCalls();
    await eve.expect(202, "POST", "/api/integrations/google/sync", {});
    await runJobs();
    expect(tokenCalls() - callsBefore).toBe(1);
    const revoked = await connectionOf(eve.id);
    expect(revoked).toMatchObject({ status: "needs_reconnect" });
    expect(revoked?.status_reason).toMatch(/Reconnect Google/);
    const [job] = await systemRows<{ status: string; attempts: number }>(
      sql`select status, attempts from app_private.jobs where user_id = ${eve.id} and kind = 'google.gmail-sync' order by created_at desc limit 1`,
    );
    expect(job).toEqual({ status: "succeeded", attempts: 1 });
    await eve.expect(409, "POST", "/api/integrations/google/sync", {});

    expect(await connect(app, eve)).toBe("connected");
    const after = await connectionOf(eve.id);
    expect(after).toMatchObject({
      id: before?.id,
      status: "connected",
      history_id: before?.history_id,
      messages_imported: 1,
    });
  });

  it("refreshes a token before it expires and never writes a token in the clear", async () => {
    const gus = await signUp(app, "Gus");
    expect(await connect(app, gus)).toBe("connected");
    const row = await connectionOf(gus.id);
    await systemRows(
      sql`update public.google_connections set token_expires_at = now() + interval '2 minutes' where user_id = ${gus.id}`,
    );
    await syncNow(row?.id ?? "");
    const [after] = await systemRows<{ token_expires_at: Date; access_token_enc: string }>(
      sql`select token_expires_at, access_token_enc from public.google_connections where user_id = ${gus.id}`,
    );
    expect(new Date(after?.token_expires_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    expect(after?.access_token_enc).not.toBe(row?.access_token_enc);
    for (const token of app.google.state.accessTokens.keys()) expect(after?.access_token_enc).not.toContain(token);
  });

  it("disconnect revokes at Google and deletes the connection and its mail", async () => {
    const hal = await signUp(app, "Hal");
    await createClient(hal, "Ida", "ida@example.com");
    app.google.state.addMail({ from: "ida@example.com", to: [app.google.state.account.email], subject: "Bye" });
    expect(await connect(app, hal)).toBe("connected");
    await runJobs();
    expect(
      await systemRows(sql`select count(*)::int as n from public.email_messages where user_id = ${hal.id}`),
    ).toEqual([{ n: 1 }]);
    const revokedBefore = app.google.state.revoked.length;

    app.google.state.fail("POST /revoke", 503, "backendError", 5);
    await hal.expect(503, "DELETE", "/api/integrations/google");
    expect(await connectionOf(hal.id)).toBeDefined();
    app.google.state.faults.length = 0;

    const response = await hal.send("DELETE", "/api/integrations/google");
    expect(response.status).toBe(204);
    expect(app.google.state.revoked.length).toBe(revokedBefore + 1);
    expect(await connectionOf(hal.id)).toBeUndefined();
    expect(
      await systemRows(sql`select count(*)::int as n from public.email_messages where user_id = ${hal.id}`),
    ).toEqual([{ n: 0 }]);
    const events = await systemRows<{ action: string }>(
      sql`select action from public.audit_events where user_id = ${hal.id} and action like 'integration.%' order by occurred_at`,
    );
    expect(events.map((event) => event.action)).toEqual([
      "integration.google_connected",
      "integration.google_disconnected",
    ]);
    await hal.expect(404, "DELETE", "/api/integrations/google");
  });

  it("explains what to set when Google is not configured", async () => {
    const { loadAuthRoutes } = await import("../auth/load-auth-routes");
    const { temporaryDataDir } = await import("../auth/fixtures");
    const auth = await loadAuthRoutes({
      DATA_DIR: temporaryDataDir(),
      GOOGLE_CLIENT_ID: undefined,
      GOOGLE_CLIENT_SECRET: undefined,
      GOOGLE_BASE_URL: undefined,
    });
    const { browser } = await signedUpBrowser(auth, "Ivy");
    const status = await browser.call("GET", "/api/integrations/google");
    expect(await status.json()).toMatchObject({ configured: false, connection: null });
    const start = await browser.call("GET", "/api/integrations/google/connect");
    expect(start.status).toBe(302);
    expect(start.headers.get("location")).toBe("http://localhost:3000/settings/integrations?google=unconfigured");
  });
});
