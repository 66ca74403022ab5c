import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { GoogleIntegration } from "@/lib/contracts/google";
import type { TimelinePage } from "@/lib/contracts/timeline";
import { refusal } from "../consents/consents-app";
import { systemRows } from "../contacts/client-records-api";
import { expectNoServerError, hostileQuery, rawBody, shapedBody } from "../contacts/hostile-input";
import { connect, connectionOf, createClient, loadGoogleApp, runJobs, signUp, type GoogleApp } from "./google-app";

let app: GoogleApp;

beforeAll(async () => {
  app = await loadGoogleApp();
});

const TABLES = [
  "google_connections",
  "email_messages",
  "email_message_contacts",
  "email_blocklist",
  "email_sender_suggestions",
] as const;

describe("tenant isolation of Google connections and email", () => {
  it("another practitioner cannot read, change or delete them, through the API or under row level security", async () => {
    const alice = await signUp(app, "Alice");
    const bob = await signUp(app, "Bob");
    const client = await createClient(alice, "Sam", "sam@example.com");
    app.google.state.addMail({ from: "sam@example.com", to: [app.google.state.account.email], subject: "Private" });
    app.google.state.addMail({ from: "repeat@unknown.example", to: [app.google.state.account.email], subject: "Hi" });
    expect(await connect(app, alice)).toBe("connected");
    await runJobs();
    const [email] = await systemRows<{ id: string }>(
      sql`select id from public.email_messages where user_id = ${alice.id}`,
    );
    await systemRows(
      sql`insert into public.email_blocklist (user_id, pattern) values (${alice.id}, '@blocked.example')`,
    );
    for (const table of TABLES) {
      const [row] = await systemRows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.raw(`public.${table}`)} where user_id = ${alice.id}`,
      );
      expect(row?.n, table).toBeGreaterThan(0);
    }

    // API: Bob sees no connection, no timeline, no email, and cannot sync or disconnect Alice's.
    expect((await bob.expect<GoogleIntegration>(200, "GET", "/api/integrations/google")).connection).toBeNull();
    await bob.expect(404, "GET", `/api/contacts/${client}/timeline`);
    await bob.expect(404, "GET", `/api/contacts/${client}/emails/${email?.id}`);
    await bob.expect(404, "POST", "/api/integrations/google/sync", {});
    await bob.expect(404, "DELETE", "/api/integrations/google");
    expect(await connectionOf(alice.id)).toMatchObject({ status: "connected" });

    // Row level security: Bob's session role sees and deletes none of Alice's rows.
    for (const table of TABLES) {
      const seen = await bob.sql<{ n: number }>(
        sql`select count(*)::int as n from ${sql.raw(`public.${table}`)} where user_id = ${alice.id}`,
      );
      expect(seen, table).toEqual([{ n: 0 }]);
      await bob.sql(sql`delete from ${sql.raw(`public.${table}`)} where user_id = ${alice.id}`);
    }
    for (const table of TABLES) {
      const [row] = await systemRows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.raw(`public.${table}`)} where user_id = ${alice.id}`,
      );
      expect(row?.n, table).toBeGreaterThan(0);
    }
    // Nobody's session may insert mail or connections, or read the encrypted tokens, not even their own.
    // 42501: insufficient privilege.
    expect(await refusal(alice.sql(sql`select access_token_enc from public.google_connections`))).toBe("42501");
    expect(
      await refusal(
        bob.sql(sql`insert into public.google_connections (user_id, google_email) values (${bob.id}, 'x@example.com')`),
      ),
    ).toBe("42501");
    expect(
      await refusal(bob.sql(sql`update public.email_messages set subject = 'changed' where user_id = ${alice.id}`)),
    ).toBe("42501");
  });
});

describe("hostile input", () => {
  it("the sync, timeline, email and callback endpoints answer 4xx to malformed input, never 500", async () => {
    const mallory = await signUp(app, "Mallory");
    const client = await createClient(mallory, "Target", "target@example.com");
    await fc.assert(
      fc.asyncProperty(fc.oneof(shapedBody(["full"]), rawBody), async (body) => {
        const sent = await mallory.send("POST", "/api/integrations/google/sync", body);
        expectNoServerError(sent, `sync ${JSON.stringify(body)}`);
      }),
      { numRuns: 40 },
    );
    await mallory.expect(422, "POST", "/api/integrations/google/sync", { full: "yes" });
    await mallory.expect(422, "POST", "/api/integrations/google/sync", { full: true, extra: 1 });
    await fc.assert(
      fc.asyncProperty(hostileQuery(["kind", "cursor", "limit"]), async (query) => {
        const sent = await mallory.send("GET", `/api/contacts/${client}/timeline?${query}`);
        expectNoServerError(sent, `timeline ${query}`);
      }),
      { numRuns: 60 },
    );
    await mallory.expect(422, "GET", `/api/contacts/${client}/timeline?kind=calendar`);
    await mallory.expect(422, "GET", `/api/contacts/${client}/timeline?cursor=not-a-cursor`);
    const forged = Buffer.from(JSON.stringify({ at: "99999-01-01T00:00:00Z", id: client })).toString("base64url");
    await mallory.expect(422, "GET", `/api/contacts/${client}/timeline?cursor=${forged}`);
    await mallory.expect(422, "GET", `/api/contacts/not-a-uuid/timeline`);
    await mallory.expect(422, "GET", `/api/contacts/${client}/emails/not-a-uuid`);
    await mallory.expect(404, "GET", `/api/contacts/${client}/emails/${client}`);
    await fc.assert(
      fc.asyncProperty(hostileQuery(["state", "code", "error", "scope"]), async (query) => {
        const sent = await mallory.send("GET", `/api/integrations/google/callback?${query}`);
        expectNoServerError(sent, `callback ${query}`);
      }),
      { numRuns: 40 },
    );
    const empty = await mallory.expect<TimelinePage>(200, "GET", `/api/contacts/${client}/timeline`);
    expect(empty).toEqual({ entries: [], nextCursor: null });
  });
});
