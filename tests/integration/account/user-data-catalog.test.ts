import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { FOREIGN_SCHEMAS, USER_DATA_TABLES } from "@/server/services/account";
import { systemRows } from "../contacts/client-records-api";
import { catalogTables, loadAccountApi } from "./account-app";

beforeAll(async () => {
  await loadAccountApi();
});

const entry = (table: string) => USER_DATA_TABLES.find((candidate) => candidate.table === table);

describe("every table with a user_id column is classified for export and deletion", () => {
  it("finds the tables it must know in the catalog", async () => {
    const tables = await catalogTables();
    expect(tables).toEqual(expect.arrayContaining(["public.contacts", "public.audit_events", "app_private.sessions"]));
  });

  it("export: each is exported (user or system read) or listed as not exported with a reason", async () => {
    const missing = (await catalogTables()).filter((table) => {
      const found = entry(table);
      if (!found) return !(table.split(".")[0]! in FOREIGN_SCHEMAS);
      return found.export.via === "skip" ? found.export.reason.trim().length < 10 : false;
    });
    expect(missing, "add these tables to USER_DATA_TABLES (src/server/services/account/user-data-tables.ts)").toEqual(
      [],
    );
  });

  it("deletion: each is deleted, cascades from a table that is, or goes through its erase function", async () => {
    const tables = await catalogTables();
    const known = new Set([...tables, "auth.users"]);
    const unclassified = tables.filter((table) => !entry(table) && !(table.split(".")[0]! in FOREIGN_SCHEMAS));
    expect(unclassified).toEqual([]);
    for (const item of USER_DATA_TABLES.filter((candidate) => known.has(candidate.table))) {
      if (item.erase.by === "cascade")
        expect(known.has(item.erase.from), `${item.table} cascades from ${item.erase.from}`).toBe(true);
    }
  });

  it("tables authenticated may read are exported under row level security, secrets named as excluded columns exist", async () => {
    for (const item of USER_DATA_TABLES) {
      const [row] = await systemRows<{ exists: boolean; readable: boolean }>(sql`
        select to_regclass(${item.table}) is not null as exists,
               to_regclass(${item.table}) is not null and has_table_privilege('authenticated', ${item.table}, 'select') as readable`);
      if (!row?.exists || item.export.via === "skip") continue;
      if (item.table.startsWith("public."))
        expect(item.export.via, `${item.table} is readable under RLS`).toBe(row.readable ? "user" : "system");
      const [schema, name] = item.table.split(".");
      const columns = (
        await systemRows<{ column_name: string }>(sql`
          select column_name from information_schema.columns where table_schema = ${schema} and table_name = ${name}`)
      ).map((column) => column.column_name);
      for (const excluded of Object.keys(item.export.exclude ?? {})) expect(columns, item.table).toContain(excluded);
    }
  });
});
