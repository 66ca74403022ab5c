import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { csvImportEvent } from "@/lib/contracts/contact-csv";
import {
  contactCount,
  importEvents,
  loadCsvApp,
  send,
  snapshotOf,
  systemRows,
  uploadRequest,
  type CsvApp,
  type Practitioner,
} from "./csv-app";

let app: CsvApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  await alice.expect(201, "POST", "/api/contacts", { displayName: "Kept", email: "kept@example.com" });
  // A real refusal from the database partway through, and a slow row to cancel during.
  await systemRows(sql`
    create function public.csv_import_test_guard() returns trigger language plpgsql as $$
    begin
      if new.display_name = 'Refused Client' then
        raise exception 'refused for the all-or-nothing test';
      end if;
      if new.display_name = 'Slow Client' then
        perform pg_sleep(1);
      end if;
      return new;
    end $$`);
  await systemRows(sql`
    create trigger csv_import_test_guard before insert on public.contacts
    for each row execute function public.csv_import_test_guard()`);
});

/** `count` clients named `Client N`, one with a name the trigger treats specially, each tagged and one merging into Kept. */
function file(count: number, special: { row: number; name: string }) {
  const lines = ["Name,Email,Tags"];
  for (let row = 2; row < count + 2; row += 1) {
    const name = row === special.row ? special.name : `Client ${row}`;
    lines.push(`${name},client${row}@example.com,Batch ${row % 3}`);
  }
  lines.push("Kept Again,kept@example.com,Merged");
  return `${lines.join("\n")}\n`;
}

describe("an import that fails partway", () => {
  it("rolls back everything it wrote, and says so in the stream after its progress lines", async () => {
    const before = await snapshotOf(alice.id);
    const response = await send(
      alice,
      app.routes.importCsv,
      uploadRequest(alice, "/api/contacts/import", {
        file: file(600, { row: 560, name: "Refused Client" }),
        options: { defaultDuplicateAction: "merge" },
      }),
    );
    const events = await importEvents(response);
    expect(events.slice(0, 3)).toEqual([
      { type: "progress", done: 0, total: 601 },
      { type: "progress", done: 250, total: 601 },
      { type: "progress", done: 500, total: 601 },
    ]);
    expect(events.at(-1)).toEqual({
      type: "error",
      error: {
        code: "internal",
        message: expect.stringMatching(/^Something went wrong/) as string,
        requestId: response.headers.get("x-request-id"),
      },
    });
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("rolls back when the reader goes away mid-import", async () => {
    const before = await snapshotOf(alice.id);
    const response = await send(
      alice,
      app.routes.importCsv,
      uploadRequest(alice, "/api/contacts/import", { file: file(400, { row: 100, name: "Slow Client" }) }),
    );
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const first = await reader.read();
    expect(csvImportEvent.parse(JSON.parse(new TextDecoder().decode(first.value)))).toEqual({
      type: "progress",
      done: 0,
      total: 400,
    });
    await reader.cancel();
    expect(await snapshotOf(alice.id)).toEqual(before);
    expect(await contactCount(alice.id)).toBe(1);
  });

  it("commits the same file once nothing refuses it", async () => {
    const response = await send(
      alice,
      app.routes.importCsv,
      uploadRequest(alice, "/api/contacts/import", { file: file(400, { row: 100, name: "Quick Client" }) }),
    );
    const events = await importEvents(response);
    expect(events.at(-1)).toMatchObject({ type: "result" });
    expect(await contactCount(alice.id)).toBe(401);
  });
});
