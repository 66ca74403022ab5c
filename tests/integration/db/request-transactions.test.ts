import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase, withSystemDb, withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { testDbKind } from "../../support/open-test-database";

const whoAmI = sql`select current_user::text as role, auth.uid()::text as uid,
  current_setting('application_name') as application_name`;
type WhoAmI = { role: string; uid: string | null; application_name: string };

async function userExists(id: string): Promise<boolean> {
  const { sql: client } = await getDatabase();
  return (await client.query("select 1 from auth.users where id = $1", [id])).length === 1;
}

const addUser = (id: string) => sql`insert into auth.users (id, email) values (${id}, ${`${id}@example.test`})`;

describe("request transactions (withUserDb / withSystemDb)", () => {
  it("runs the first statement as authenticated with the caller's claims, for many callers at once", async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const seen = await Promise.all(
      ids.map((id) => withUserDb(id, async (tx) => resultRows<WhoAmI>(await tx.execute(whoAmI))[0])),
    );
    expect(seen.map((row) => [row?.role, row?.uid])).toEqual(ids.map((id) => ["authenticated", id]));
  });

  it("refuses a user id that is not a uuid, since it becomes part of the statement", async () => {
    await expect(withUserDb("x', true); select 1; --", async () => 1)).rejects.toThrow(/uuid/);
  });

  it("names system tasks in application_name, replacing characters a task name should not have", async () => {
    const row = await withSystemDb("test:who'am i", async (tx) => resultRows<WhoAmI>(await tx.execute(whoAmI))[0]);
    expect(row?.application_name).toBe("omnicrm:test:who_am_i");
    expect(row?.uid).toBeNull();
  });

  it("rolls back everything when fn throws, and keeps a nested transaction's rollback to itself", async () => {
    const [dropped, kept, lost] = [randomUUID(), randomUUID(), randomUUID()];
    await withSystemDb("test:savepoint", async (tx) => {
      await tx
        .transaction(async (inner) => {
          await inner.execute(addUser(dropped));
          throw new Error("undo the nested part");
        })
        .catch(() => undefined);
      await tx.execute(addUser(kept));
    });
    await expect(
      withSystemDb("test:rollback", async (tx) => {
        await tx.execute(addUser(lost));
        throw new Error("undo it all");
      }),
    ).rejects.toThrow("undo it all");
    expect([await userExists(dropped), await userExists(kept), await userExists(lost)]).toEqual([false, true, false]);
  });

  it.runIf(testDbKind() === "postgres")(
    "a failing setup statement fails the transaction, with or without statements after it",
    async () => {
      const handle = await getDatabase();
      if (!handle.transactionAfter) throw new Error("the Postgres handle pipelines its transactions");
      const id = randomUUID();
      await expect(handle.transactionAfter("select 1/0", (tx) => tx.execute(addUser(id)))).rejects.toThrow(/division/);
      await expect(handle.transactionAfter("select 1/0", async () => "nothing sent")).rejects.toThrow(/division/);
      expect(await userExists(id)).toBe(false);
    },
  );
});
