import { describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db";

describe("row level security catalog", () => {
  it("every table in public has RLS enabled, policies for authenticated using (select auth.uid()), and a user_id-leading index", async () => {
    const { sql } = await getDatabase();
    const tables = await sql.query<{ table_name: string; rls: boolean }>(
      `select c.relname as table_name, c.relrowsecurity as rls
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`,
    );
    expect(tables.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { table_name, rls } of tables) {
      if (!rls) problems.push(`${table_name}: RLS disabled`);
      const policies = await sql.query<{ roles: string[] | string; qual: string | null; with_check: string | null }>(
        `select roles::text[] as roles, qual, with_check from pg_policies where schemaname = 'public' and tablename = $1`,
        [table_name],
      );
      if (policies.length === 0) problems.push(`${table_name}: no policies`);
      for (const policy of policies) {
        const roles = Array.isArray(policy.roles) ? policy.roles : String(policy.roles).replace(/[{}]/g, "").split(",");
        if (!roles.includes("authenticated") || roles.includes("public"))
          problems.push(`${table_name}: policy not scoped to authenticated`);
        const text = `${policy.qual ?? ""} ${policy.with_check ?? ""}`;
        if (!/SELECT auth\.uid\(\)/i.test(text))
          problems.push(`${table_name}: policy does not use (select auth.uid())`);
      }
      const indexes = await sql.query<{ indexdef: string }>(
        `select indexdef from pg_indexes where schemaname = 'public' and tablename = $1`,
        [table_name],
      );
      if (!indexes.some((index) => /\(user_id[,)]/.test(index.indexdef)))
        problems.push(`${table_name}: no index leading with user_id`);
    }
    expect(problems).toEqual([]);
  });
});
