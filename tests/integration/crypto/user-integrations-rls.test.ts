import { randomUUID } from "node:crypto";
import { sql as drizzleSql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, withUserDb } from "../../../src/server/db";
import { resultRows } from "../../../src/server/db/result-rows";
import { encryptWith } from "../../../src/server/crypto/envelope";
import { ENCRYPTED_COLUMNS, columnContext } from "../../../src/server/crypto/encrypted-columns";
import { generateKeyEntry, parseKeyring } from "../../../src/server/crypto/key-material";

const alice = randomUUID();
const bob = randomUUID();
const aliceRow = randomUUID();
const bobRow = randomUUID();
const keyring = parseKeyring([generateKeyEntry()]);

beforeAll(async () => {
  const { sql } = await getDatabase();
  await sql.query("insert into auth.users (id, email) values ($1, 'alice@example.test'), ($2, 'bob@example.test')", [
    alice,
    bob,
  ]);
  for (const [id, userId] of [
    [aliceRow, alice],
    [bobRow, bob],
  ] as const) {
    const token = encryptWith(keyring, `token-of-${userId}`, {
      context: columnContext(ENCRYPTED_COLUMNS.userIntegrationAccessToken, id),
    });
    await sql.query(
      "insert into public.user_integrations (id, user_id, provider, access_token_enc) values ($1, $2, 'google', $3)",
      [id, userId, token],
    );
  }
});

async function asUser(userId: string, statement: string): Promise<{ rows: unknown[] } | { error: string }> {
  try {
    return { rows: await withUserDb(userId, async (tx) => resultRows(await tx.execute(drizzleSql.raw(statement)))) };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return { error: cause?.message ?? (error as Error).message };
  }
}

describe("user_integrations under row level security", () => {
  it("a practitioner reads only their own integration", async () => {
    expect(await asUser(alice, "select id::text as id from public.user_integrations")).toEqual({
      rows: [{ id: aliceRow }],
    });
    expect(await asUser(bob, "select id::text as id from public.user_integrations")).toEqual({
      rows: [{ id: bobRow }],
    });
  });

  it("nobody writes through the user path, not even to their own row: tokens are written by the system path", async () => {
    const attempts = [
      `insert into public.user_integrations (user_id, provider) values ('${alice}', 'microsoft')`,
      `update public.user_integrations set scopes = '{}' where id = '${aliceRow}'`,
      `update public.user_integrations set user_id = '${alice}' where id = '${bobRow}'`,
      `delete from public.user_integrations where id = '${bobRow}'`,
      `delete from public.user_integrations where id = '${aliceRow}'`,
    ];
    for (const statement of attempts) {
      const result = await asUser(alice, statement);
      expect("error" in result ? result.error : "succeeded").toMatch(/permission denied/);
    }
    const { sql } = await getDatabase();
    expect(await sql.query("select count(*)::int as n from public.user_integrations")).toEqual([{ n: 2 }]);
  });

  it("refuses a plaintext token and a second integration of one provider per practitioner", async () => {
    const { sql } = await getDatabase();
    await expect(
      sql.query("update public.user_integrations set refresh_token_enc = '1//plaintext' where id = $1", [aliceRow]),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql.query("insert into public.user_integrations (user_id, provider) values ($1, 'google')", [alice]),
    ).rejects.toThrow(/duplicate key/);
  });

  it("deleting the practitioner deletes their integrations", async () => {
    const { sql } = await getDatabase();
    await sql.query("delete from auth.users where id = $1", [bob]);
    expect(await sql.query("select user_id::text as user_id from public.user_integrations")).toEqual([
      { user_id: alice },
    ]);
  });
});
