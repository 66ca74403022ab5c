import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { CSV_COLUMNS } from "@/lib/csv-columns";
import {
  csvRecords,
  exportCsv,
  exportSelected,
  jsonError,
  loadCsvApp,
  snapshotOf,
  systemRows,
  type CsvApp,
  type Practitioner,
} from "./csv-app";

let app: CsvApp;
let alice: Practitioner;
let bob: Practitioner;
const clients: Contact[] = [];
let bobsClient: Contact;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
  for (const [displayName, email] of [
    ["Zara Quinn", "zara@example.com"],
    ["=Formula Fred", "fred@example.com"],
    ["Maya Ortiz", null],
  ] as const)
    clients.push(await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName, email }));
  bobsClient = await bob.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Bob's client" });
});

const exports = (userId: string) =>
  systemRows<{ metadata: { count: number; filters: string } }>(
    sql`select metadata from public.audit_events where user_id = ${userId} and action = 'clients.exported' order by occurred_at`,
  );

describe("POST /api/contacts/export (the ticked clients)", () => {
  it("answers the same CSV as the full export, for just those clients, sorted by name, and records the export", async () => {
    const [zara, fred] = clients;
    const response = await exportSelected(app, alice, { ids: [zara?.id, fred?.id, zara?.id] });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="clients-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith(`\ufeff${CSV_COLUMNS.map((column) => column.header).join(",")}\r\n`)).toBe(true);
    const records = csvRecords(text);
    expect(records.map((record) => record["Display name"])).toEqual(["'=Formula Fred", "Zara Quinn"]);
    // Field for field what the full export writes for the same clients.
    const full = (await exportCsv(app, alice)).records;
    expect(records).toEqual(full.filter((record) => record.ID === fred?.id || record.ID === zara?.id));
    expect((await exports(alice.id)).at(-2)?.metadata).toEqual({ count: 2, filters: "selection" });
  });

  it("refuses the whole request (404, no file, nothing recorded) when any id is not the caller's", async () => {
    const before = (await exports(alice.id)).length;
    const mixed = await exportSelected(app, alice, { ids: [clients[0]?.id, bobsClient.id] });
    const error = await jsonError(mixed, 404);
    expect(error.message).toMatch(/clients were/i);
    const gone = await exportSelected(app, alice, { ids: ["00000000-0000-4000-8000-000000000000"] });
    await jsonError(gone, 404);
    // Bob cannot read Alice's clients by id either.
    await jsonError(await exportSelected(app, bob, { ids: [clients[1]?.id] }), 404);
    expect((await exports(alice.id)).length).toBe(before);
  });

  it("answers 422 with the field's message for no ids, more than 500, or ids that are not ids", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ids: [] }, /at least one/i],
      [{ ids: Array.from({ length: 501 }, () => crypto.randomUUID()) }, /at most 500/i],
      [{ ids: ["not-an-id"] }, /./],
      [{ ids: [clients[0]?.id], extra: true }, /./],
      [[], /./],
    ];
    for (const [body, message] of cases) {
      const error = await jsonError(await exportSelected(app, alice, body), 422);
      const details = error.details as { message?: string }[] | undefined;
      expect(details?.[0]?.message ?? error.message).toMatch(message);
    }
  });

  it("random and hostile bodies: a CSV or a 4xx JSON error, never a 5xx, and nothing changes", async () => {
    const ids = [...clients.map((client) => client.id), bobsClient.id];
    const body = fc.oneof(
      fc.record({ ids: fc.array(fc.constantFrom(...ids), { maxLength: 5 }) }),
      fc.record({ ids: fc.array(fc.oneof(fc.uuid(), fc.string(), fc.integer()), { maxLength: 5 }) }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const before = await snapshotOf(alice.id);
        const response = await exportSelected(app, alice, sent);
        expect(response.status).toBeLessThan(500);
        if (response.status === 200) expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        else expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        await response.arrayBuffer();
        expect(await snapshotOf(alice.id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
