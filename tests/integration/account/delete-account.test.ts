import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE_ACCOUNT_PHRASE } from "@/lib/contracts/account";
import { expectError } from "../auth/fixtures";
import { systemRows, type ClientRecordsApi } from "../contacts/client-records-api";
import { catalogTables, loadAccountApi, rowCounts, seedAccountExtras, seedClient, signUp } from "./account-app";

let api: ClientRecordsApi;

beforeAll(async () => {
  api = await loadAccountApi();
});

async function storedFilesUnder(prefix: string): Promise<string[]> {
  const { dataPath } = await import("@/server/config/data-dir");
  const folder = path.join(dataPath("storage"), "objects", prefix);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((e) => e.name);
}

describe("POST /api/account/delete", () => {
  it("refuses a wrong or missing confirmation with 400 and deletes nothing", async () => {
    const practitioner = await signUp(api, "Careful");
    await seedClient(practitioner, "Kept Client");
    const before = await rowCounts(practitioner.id);
    for (const confirmation of ["delete my acount", "", "DELETE", "someone.else@example.com"]) {
      const sent = await practitioner.send("POST", "/api/account/delete", { confirmation });
      await expectError(sent.response, 400);
    }
    await expectError((await practitioner.send("POST", "/api/account/delete", {})).response, 422);
    expect(await rowCounts(practitioner.id)).toEqual(before);
  });

  it("needs a session", async () => {
    const practitioner = await signUp(api, "Anonymous");
    practitioner.browser.cookies.clear();
    await expectError(
      (await practitioner.send("POST", "/api/account/delete", { confirmation: DELETE_ACCOUNT_PHRASE })).response,
      401,
    );
  });

  it("deletes every row with the user's id in every table, the files and the sign-in; another account is untouched", async () => {
    const a = await signUp(api, "Leaving");
    const b = await signUp(api, "Staying");
    for (const practitioner of [a, b]) {
      const one = await seedClient(practitioner, `${practitioner.email} One`);
      const two = await seedClient(practitioner, `${practitioner.email} Two`);
      await seedAccountExtras(practitioner);
      // "Not a duplicate" between the two, as the duplicates service writes it (under RLS).
      const [low, high] = [one.contactId, two.contactId].sort();
      await practitioner.sql(sql`
        insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
        values (${practitioner.id}, ${low}, ${high})`);
      // An erased client leaves an audit event; the export leaves another.
      const erased = await seedClient(practitioner, `${practitioner.email} Erased`);
      await practitioner.expect(204, "DELETE", `/api/contacts/${erased.contactId}`);
      const exported = await practitioner.browser.call("GET", "/api/account/export");
      expect(exported.status, exported.status === 200 ? "" : await exported.text()).toBe(200);
      await exported.arrayBuffer();
    }

    // Every table with a user_id column must hold rows of A, or this test proves nothing for it: a new table needs seeding here.
    const tables = await catalogTables();
    const beforeA = await rowCounts(a.id);
    const unseeded = tables.filter((table) => (beforeA[table] ?? 0) === 0);
    expect(unseeded, "tables with a user_id column that the seeding above leaves empty").toEqual([]);
    const beforeB = await rowCounts(b.id);
    expect(await storedFilesUnder(`photos/${a.id}`)).toHaveLength(2);

    const response = await a.send("POST", "/api/account/delete", { confirmation: ` ${a.email.toUpperCase()} ` });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ deleted: true, redirectTo: "/sign-in?notice=account-deleted" });
    expect(response.response.headers.getSetCookie().join("\n")).toMatch(/Max-Age=0/i);

    const afterA = await rowCounts(a.id);
    expect(Object.entries(afterA).filter(([, rows]) => rows > 0)).toEqual([]);
    expect(await systemRows(sql`select 1 from auth.users where id = ${a.id}`)).toEqual([]);
    expect(await storedFilesUnder(`photos/${a.id}`)).toEqual([]);
    expect(await rowCounts(b.id)).toEqual(beforeB);
    expect(await storedFilesUnder(`photos/${b.id}`)).toHaveLength(2);

    // The record of the deletion names no one: no account, no email.
    const [event] = await systemRows<{ user_id: string | null; target_id: string | null; metadata: unknown }>(
      sql`select user_id, target_id, metadata from public.audit_events where action = 'account.deleted'`,
    );
    expect(event).toMatchObject({ user_id: null, target_id: null });
    expect(JSON.stringify(event)).not.toContain(a.email);

    // The old session no longer works, and the email can sign up again as a new account.
    a.browser.cookies.clear();
    const signIn = await a.browser.send(api.auth.signIn, "POST", "/api/auth/sign-in", {
      body: { email: a.email, password: "correct horse battery staple" },
    });
    await expectError(signIn, 401);
  });

  it("a deleted account's old session cookie is refused", async () => {
    const practitioner = await signUp(api, "Gone");
    const cookies = new Map(practitioner.browser.cookies);
    await practitioner.expect(200, "POST", "/api/account/delete", { confirmation: DELETE_ACCOUNT_PHRASE });
    for (const [name, value] of cookies) practitioner.browser.cookies.set(name, value);
    await expectError((await practitioner.send("GET", "/api/contacts")).response, 401);
  });
});
