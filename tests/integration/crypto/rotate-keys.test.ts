import { beforeEach, describe, expect, it } from "vitest";
import { getDatabase } from "../../../src/server/db";
import { encryptWith } from "../../../src/server/crypto/envelope";
import { ENCRYPTED_COLUMNS, columnContext } from "../../../src/server/crypto/encrypted-columns";
import { generateKeyEntry, parseKeyring } from "../../../src/server/crypto/key-material";
import { rotateKeys, type BatchProgress } from "../../../src/server/crypto/rotate-keys";
import { expectedIntegrations, readIntegrations, seedIntegrations } from "./integration-rows";

const oldEntry = generateKeyEntry(new Date("2024-01-01T00:00:00Z"));
const newEntry = generateKeyEntry(new Date("2025-01-01T00:00:00Z"));
const oldKeyring = parseKeyring([oldEntry]);
const rotatingKeyring = parseKeyring([newEntry, oldEntry]);
const OLD = "k20240101000000";
const NEW = "k20250101000000";

beforeEach(async () => {
  const { sql } = await getDatabase();
  await sql.exec("delete from public.user_integrations; delete from auth.users;");
});

describe("key rotation", () => {
  it("re-encrypts every registered column to the newest key in batches, keeping every plaintext", async () => {
    const { sql } = await getDatabase();
    const seeded = await seedIntegrations(sql, oldKeyring, 25);
    const batches: BatchProgress[] = [];
    const report = await rotateKeys({ sql, keyring: rotatingKeyring, batchSize: 10, onBatch: (b) => batches.push(b) });

    expect(await readIntegrations(sql, rotatingKeyring)).toEqual(expectedIntegrations(seeded, NEW));
    expect(report.columns).toEqual([
      {
        column: "public.user_integrations.access_token_enc",
        before: { [`v${OLD}`]: 25 },
        rotated: 25,
        failures: [],
        remaining: 0,
      },
      {
        column: "public.user_integrations.refresh_token_enc",
        before: { [`v${OLD}`]: 25 },
        rotated: 25,
        failures: [],
        remaining: 0,
      },
      // Google connections (0017): none in this database, so nothing to rotate.
      { column: "public.google_connections.access_token_enc", before: {}, rotated: 0, failures: [], remaining: 0 },
      { column: "public.google_connections.refresh_token_enc", before: {}, rotated: 0, failures: [], remaining: 0 },
    ]);
    expect(batches.map((b) => b.rotated)).toEqual([10, 10, 5, 10, 10, 5]);
  });

  it("a dry run counts values per key and changes nothing", async () => {
    const { sql } = await getDatabase();
    await seedIntegrations(sql, oldKeyring, 3);
    await seedIntegrations(sql, rotatingKeyring, 2);
    const before = await sql.query("select * from public.user_integrations order by id");
    const report = await rotateKeys({ sql, keyring: rotatingKeyring, dryRun: true });
    expect(report.columns[0]).toMatchObject({ before: { [`v${OLD}`]: 3, [`v${NEW}`]: 2 }, rotated: 0, remaining: 3 });
    expect(await sql.query("select * from public.user_integrations order by id")).toEqual(before);
  });

  it("reports values it cannot decrypt, leaves them untouched, and still rotates the rest", async () => {
    const { sql } = await getDatabase();
    const seeded = await seedIntegrations(sql, oldKeyring, 4);
    const stranger = parseKeyring([generateKeyEntry(new Date("2023-05-05T00:00:00Z"))]);
    const victim = seeded[1]?.id as string;
    const foreign = encryptWith(stranger, "lost", {
      context: columnContext(ENCRYPTED_COLUMNS.userIntegrationAccessToken, victim),
    });
    await sql.query("update public.user_integrations set access_token_enc = $1 where id = $2", [foreign, victim]);

    const report = await rotateKeys({ sql, keyring: rotatingKeyring, batchSize: 2 });
    const access = report.columns[0];
    expect(access?.rotated).toBe(3);
    expect(access?.remaining).toBe(1);
    expect(access?.failures.map((failure) => failure.rowId)).toEqual([victim]);
    expect(access?.failures[0]?.reason).toMatch(/k20230505000000.*not in APP_ENCRYPTION_KEYS/);
    expect(report.columns[1]?.rotated).toBe(4);
    const [stored] = await sql.query<{ value: string }>(
      "select access_token_enc as value from public.user_integrations where id = $1",
      [victim],
    );
    expect(stored?.value).toBe(foreign);
  });

  it("has nothing to do when every value is already on the newest key", async () => {
    const { sql } = await getDatabase();
    await seedIntegrations(sql, rotatingKeyring, 3);
    const report = await rotateKeys({ sql, keyring: rotatingKeyring });
    expect(report.columns.map((c) => [c.rotated, c.remaining])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it("stops with a clear message when a registered table is missing (migrations not applied)", async () => {
    const { sql } = await getDatabase();
    const missing = {
      schema: "public",
      table: "calendar_tokens",
      idColumn: "id",
      idType: "uuid",
      column: "token_enc",
    } as const;
    await expect(rotateKeys({ sql, keyring: rotatingKeyring, columns: [missing] })).rejects.toThrow(
      /"public"\."calendar_tokens" does not exist: apply the migrations first/,
    );
  });

  it("registers every *_enc column in the database, so rotation misses none", async () => {
    const { sql } = await getDatabase();
    const columns = await sql.query<{ name: string }>(
      `select table_schema || '.' || table_name || '.' || column_name as name from information_schema.columns
        where column_name like '%\\_enc' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
    );
    const registered = Object.values(ENCRYPTED_COLUMNS).map((c) => `${c.schema}.${c.table}.${c.column}`);
    expect(columns.map((c) => c.name)).toEqual(registered.sort());
  });
});
