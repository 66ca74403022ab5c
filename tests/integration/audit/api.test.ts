import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEvent } from "@/lib/contracts/audit";
import type { Contact } from "@/lib/contracts/contacts";
import { expectError } from "../auth/fixtures";
import { TestBrowser } from "../../support/test-browser";
import { signUpPractitioner, systemRows, type Practitioner } from "../contacts/client-records-api";
import { caller, insertEvent, listEvents, loadAuditApp, refusal, sendAs, type AuditApp } from "./audit-app";

let app: AuditApp;
let alice: Practitioner;
let bob: Practitioner;
let aliceClient: Contact;
let bobClient: Contact;

beforeAll(async () => {
  app = await loadAuditApp();
  alice = await signUpPractitioner(app.api, "Alice");
  bob = await signUpPractitioner(app.api, "Bob");
  aliceClient = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Ann" });
  bobClient = await bob.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Ben" });
  await bob.expect(200, "GET", `/api/contacts/${bobClient.id}`);
});

async function exportText(practitioner: Practitioner, query = ""): Promise<{ response: Response; text: string }> {
  const response = await practitioner.browser.send(app.auditExport, "GET", `/api/audit-events/export${query}`);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { response, text };
}

describe("GET /api/audit-events", () => {
  it("pages newest first by (occurred_at, id) without gaps or repeats, up to 100 per page", async () => {
    const base = Date.now() - 3_600_000;
    const inserted = await Promise.all(
      // Pairs share a timestamp, so the id breaks ties across page boundaries.
      Array.from({ length: 7 }, (_, index) =>
        insertEvent(alice.id, "photo.viewed", new Date(base + Math.floor(index / 2) * 1000).toISOString()),
      ),
    );
    const seen: AuditEvent[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page = await listEvents(alice, `?action=photo.viewed&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((event) => event.id).sort()).toEqual([...inserted].sort());
    const keys = seen.map((event) => `${event.occurredAt}|${event.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it("filters by category, action, target and date range, and says whether a client target still exists", async () => {
    const clientEvents = await listEvents(alice, `?category=clients&targetType=client&targetId=${aliceClient.id}`);
    expect(clientEvents.items.map((event) => event.action).sort()).toEqual(["client.created"]);
    expect(clientEvents.items[0]).toMatchObject({ targetType: "client", targetId: aliceClient.id, targetExists: true });

    await insertEvent(alice.id, "auth.signed_out", new Date().toISOString());
    const auth = await listEvents(alice, "?category=auth");
    expect(auth.items.length).toBeGreaterThan(0);
    expect(auth.items.every((event) => event.action.startsWith("auth."))).toBe(true);

    const old = await insertEvent(alice.id, "note.signed", "2020-03-01T10:00:00Z");
    const ranged = await listEvents(alice, "?from=2020-03-01T00:00:00Z&to=2020-03-02T00:00:00Z");
    expect(ranged.items.map((event) => event.id)).toEqual([old]);
    expect((await listEvents(alice, "?from=2020-03-01T10:00:00.001Z&to=2020-03-02T00:00:00Z")).items).toEqual([]);

    const gone = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Gone" });
    await systemRows(sql`delete from public.contacts where id = ${gone.id}`);
    const [created] = (await listEvents(alice, `?targetId=${gone.id}`)).items;
    expect(created?.targetExists).toBe(false);
  });

  it("answers bad query input with 422 and no session with 401", async () => {
    for (const query of [
      "?limit=0",
      "?limit=101",
      "?limit=ten",
      "?action=client.hacked",
      "?category=everything",
      "?targetType=table",
      "?targetId=not-a-uuid",
      "?from=yesterday",
      "?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z",
      "?cursor=bm90IGEgY3Vyc29y",
      `?cursor=${"x".repeat(201)}`,
    ]) {
      const sent = await alice.send("GET", `/api/audit-events${query}`);
      expect(sent.status, query).toBe(422);
    }
    const anonymous = await new TestBrowser().send(app.auditExport, "GET", "/api/audit-events/export");
    await expectError(anonymous, 401);
  });
});

describe("tenant isolation", () => {
  it("another practitioner's events are invisible through the API, filters and export", async () => {
    const all = await listEvents(alice, "?limit=100");
    expect(all.items.some((event) => event.targetId === bobClient.id)).toBe(false);
    expect((await listEvents(alice, `?targetId=${bobClient.id}`)).items).toEqual([]);
    const { text } = await exportText(alice);
    expect(text).not.toContain(bobClient.id);
    const bobs = await listEvents(bob, `?targetId=${bobClient.id}`);
    expect(bobs.items.map((event) => event.action).sort()).toEqual(["client.created", "client.viewed"]);
  });

  it("under row level security a user reads only their own rows and cannot write one for another user or none", async () => {
    const direct = await alice.sql<{ user_id: string | null }>(sql`select user_id from public.audit_events`);
    expect(direct.length).toBeGreaterThan(0);
    expect(new Set(direct.map((row) => row.user_id))).toEqual(new Set([alice.id]));
    const forBob = alice.sql(
      sql`insert into public.audit_events (user_id, action) values (${bob.id}, 'client.viewed')`,
    );
    expect(await refusal(forBob)).toMatch(/row-level security/);
    const forNobody = alice.sql(sql`insert into public.audit_events (user_id, action) values (null, 'client.viewed')`);
    expect(await refusal(forNobody)).toMatch(/row-level security/);
    const [forged] = await systemRows<{ n: number | string }>(
      sql`select count(*) as n from public.audit_events where user_id = ${bob.id} and target_id is null and action = 'client.viewed'`,
    );
    expect(Number(forged?.n)).toBe(0);
  });
});

describe("GET /api/audit-events/export", () => {
  it("streams RFC 4180 CSV of the filtered set, formulas neutralised, and records the export", async () => {
    const hostile = { ...caller(), userAgent: '=HYPERLINK("http://evil.example","x"), "quoted"' };
    await sendAs(alice, hostile, "GET", `/api/contacts/${aliceClient.id}`);
    const { response, text } = await exportText(alice, `?category=clients&targetId=${aliceClient.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(text.startsWith("\ufeffTime (UTC),Action,Description,")).toBe(true);
    expect(text).toMatch(/\r\n$/);
    const records = parse<Record<string, string>>(text.slice(1), { columns: true });
    expect(records.map((record) => record.Action)).toEqual(["client.viewed", "client.created"]);
    const viewed = records[0] ?? {};
    expect(viewed).toMatchObject({
      Description: "Viewed a client record",
      "Target type": "client",
      "Target id": aliceClient.id,
      "IP address": hostile.ip,
      "Request id": hostile.requestId,
    });
    expect(viewed["User agent"]).toBe(`'${hostile.userAgent}`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x""), ""quoted"""`);

    const earlier = (await listEvents(alice, "?action=audit.exported")).items;
    expect(earlier[0]?.metadata).toEqual({ count: 2, filters: "category,targetId" });
    const again = await exportText(alice, "?action=audit.exported");
    const rows = parse<Record<string, string>>(again.text.slice(1), { columns: true });
    // The export in progress is not part of its own file; the earlier ones are.
    expect(rows.map((record) => record.Details)).toEqual(earlier.map((event) => JSON.stringify(event.metadata)));
  });

  it("refuses a bad filter before anything is recorded", async () => {
    const before = (await listEvents(alice, "?action=audit.exported")).items.length;
    const { response } = await exportText(alice, "?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z");
    expect(response.status).toBe(422);
    expect((await listEvents(alice, "?action=audit.exported")).items.length).toBe(before);
  });
});
