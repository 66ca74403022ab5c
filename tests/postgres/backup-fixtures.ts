import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { SqlClient } from "../../src/server/db/sql-client";
import { DEFAULT_BACKUP_SCHEMAS, type BackupConfig } from "../../scripts/backup/config";
import { adminSql, databaseUrl } from "../support/test-databases";

/** A backup configuration for tests: a local store in a fresh directory, defaults elsewhere. */
export function testBackupConfig(overrides: Partial<BackupConfig> = {}): BackupConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-backup-test-"));
  return {
    databaseUrl: undefined,
    dataDir: path.join(dir, "data"),
    schemas: DEFAULT_BACKUP_SCHEMAS,
    localDir: path.join(dir, "backups"),
    encryptionKey: undefined,
    s3: undefined,
    retention: { daily: 7, weekly: 4, monthly: 12 },
    metricsFile: undefined,
    pushgatewayUrl: undefined,
    alertWebhookUrl: undefined,
    ...overrides,
  };
}

/** Practitioners with profiles, sessions (bytea, inet), credentials and jobs (jsonb): every column type we keep. */
export async function seedPractitioners(sql: SqlClient, count: number): Promise<void> {
  await sql.exec(`
    insert into auth.users (id, email)
      select gen_random_uuid(), 'practitioner' || g || '@example.test' from generate_series(1, ${count}) g;
    insert into public.profiles (user_id, display_name, business_name, time_zone)
      select id, 'Practitioner ' || email, case when random() < 0.5 then 'Studio ' || left(email, 8) end, 'Europe/Berlin'
      from auth.users;
    insert into app_private.local_credentials (user_id, password_hash) select id, 'scrypt$' || md5(email) from auth.users;
    insert into app_private.sessions (user_id, token_hash, expires_at, ip, user_agent)
      select id, sha256(convert_to(email, 'utf8')), now() + interval '1 day', '203.0.113.7', 'Mozilla/5.0 é ✓' from auth.users;
    insert into app_private.jobs (user_id, kind, payload)
      select id, 'gmail.sync', jsonb_build_object('email', email, 'labels', jsonb_build_array('INBOX', 'ünïcode')) from auth.users;
  `);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** md5 over every row of every table in `schemas`, rows ordered by primary key: equal digests mean equal content. */
export async function tableDigests(sql: SqlClient, schemas: string[]): Promise<Record<string, string>> {
  const tables = await sql.query<{ schema: string; name: string; key: string[] | null }>(
    `select n.nspname as schema, c.relname as name,
       (select array_agg(a.attname order by k.pos) from pg_index i
          cross join lateral unnest(i.indkey) with ordinality k(attnum, pos)
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as key
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') order by 1, 2`,
    [schemas],
  );
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const order = table.key?.map(quoteIdent).join(", ") ?? "t::text";
    const [row] = await sql.query<{ digest: string }>(
      `select md5(coalesce(string_agg(md5(t::text), '' order by ${order}), '')) as digest
       from ${quoteIdent(table.schema)}.${quoteIdent(table.name)} t`,
    );
    digests[`${table.schema}.${table.name}`] = row?.digest ?? "";
  }
  return digests;
}

/** A database nothing has touched (not even migrated), as a restore target; `drop()` removes it. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL as string;
  const name = `${inject("runPrefix")}_empty_${randomBytes(4).toString("hex")}`;
  const admin = adminSql(baseUrl);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    url: databaseUrl(baseUrl, name),
    drop: async () => {
      const dropper = adminSql(baseUrl);
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
