import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { systemRows, type ClientRecordsApi } from "../contacts/client-records-api";
import { loadAccountApi, seedClient, signUp } from "./account-app";

let api: ClientRecordsApi;

beforeAll(async () => {
  api = await loadAccountApi();
});

/** Every (table, column) of type uuid in every non-system schema that holds `id`, from the catalog. */
async function referencesTo(id: string): Promise<string[]> {
  const columns = await systemRows<{ table_schema: string; table_name: string; column_name: string }>(sql`
    select c.table_schema, c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.data_type = 'uuid' and t.table_type = 'BASE TABLE'
       and c.table_schema not like 'pg\\_%' and c.table_schema <> 'information_schema'`);
  const found: string[] = [];
  for (const column of columns) {
    const rows = await systemRows(
      sql`select 1 from ${sql.identifier(column.table_schema)}.${sql.identifier(column.table_name)} where ${sql.identifier(column.column_name)} = ${id} limit 1`,
    );
    if (rows.length > 0) found.push(`${column.table_schema}.${column.table_name}.${column.column_name}`);
  }
  return found;
}

async function storedFiles(prefix: string): Promise<number> {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const { dataPath } = await import("@/server/config/data-dir");
  const folder = path.join(dataPath("storage"), "objects", prefix);
  return fs.existsSync(folder) ? fs.readdirSync(folder, { recursive: true }).length : 0;
}

describe("erasing a client", () => {
  it.each(["single", "bulk"] as const)(
    "%s delete leaves only the bare id in the audit log and no files",
    async (mode) => {
      const practitioner = await signUp(api, `Eraser-${mode}`);
      const client = await seedClient(practitioner, "Zed Erasable");
      const kept = await seedClient(practitioner, "Kept Client");
      expect(await storedFiles(`photos/${practitioner.id}/${client.contactId}`)).toBe(1);

      if (mode === "single") await practitioner.expect(204, "DELETE", `/api/contacts/${client.contactId}`);
      else await practitioner.expect(200, "POST", "/api/contacts/bulk-delete", { ids: [client.contactId] });

      // The audit log may keep the bare id (events' targets, a bulk delete's list of ids); nothing else
      // anywhere points at the client.
      expect(await referencesTo(client.contactId)).toEqual(["public.audit_events.target_id"]);
      const events = await systemRows<{ action: string; metadata: Record<string, unknown> }>(
        sql`select action, metadata from public.audit_events
             where target_id = ${client.contactId} or metadata -> 'clientIds' ? ${client.contactId}`,
      );
      expect(events.map((event) => event.action)).toContain(
        mode === "single" ? "client.erased" : "clients.bulk_deleted",
      );
      const serialized = JSON.stringify(events);
      for (const personal of ["Zed", "Erasable", "zed.erasable@client.example"])
        expect(serialized).not.toContain(personal);
      expect(await storedFiles(`photos/${practitioner.id}/${client.contactId}`)).toBe(0);

      expect(await referencesTo(kept.contactId)).not.toEqual(["public.audit_events.target_id"]);
      expect(await storedFiles(`photos/${practitioner.id}/${kept.contactId}`)).toBe(1);
    },
  );

  it("queues a retry job when a file cannot be deleted after commit", async () => {
    const practitioner = await signUp(api, "Retry");
    const client = await seedClient(practitioner, "Stuck Photo");
    const storage = (await import("@/server/storage")).getObjectStorage();
    const deletePrefix = vi.spyOn(storage, "deletePrefix").mockRejectedValue(new Error("storage down"));
    try {
      await practitioner.expect(204, "DELETE", `/api/contacts/${client.contactId}`);
    } finally {
      deletePrefix.mockRestore();
    }
    const jobs = await systemRows<{ id: string; payload: { prefixes: string[] } }>(
      sql`select id, payload from app_private.jobs where kind = 'storage.delete-objects' and status = 'queued'`,
    );
    const job = jobs.find((row) => row.payload.prefixes.includes(`photos/${practitioner.id}/${client.contactId}`));
    expect(job).toBeDefined();
    expect(await storedFiles(`photos/${practitioner.id}/${client.contactId}`)).toBe(1);

    const { processDueJobs } = await import("@/server/jobs/process-due-jobs");
    await processDueJobs({ budgetMs: 5_000 });
    expect(await storedFiles(`photos/${practitioner.id}/${client.contactId}`)).toBe(0);
  });
});
