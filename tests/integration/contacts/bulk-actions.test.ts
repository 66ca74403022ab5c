import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, signUpPractitioner, snapshotOf, type Practitioner } from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;
let bobsClient: Contact;
let bobsTag: Tag;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  bobsClient = await bob.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Bob's client" });
  bobsTag = await bob.expect<Tag>(201, "POST", "/api/tags", { name: "Bob's tag" });
});

/** `count` clients of the practitioner, inserted in one statement under row level security. */
async function insertClients(who: Practitioner, count: number): Promise<string[]> {
  const rows = await who.sql<{ id: string }>(sql`
    insert into public.contacts (user_id, display_name)
    select ${who.id}, 'Bulk ' || n from generate_series(1, ${count}::int) as n
    returning id`);
  return rows.map((row) => row.id);
}

describe("bulk delete", () => {
  it("deletes every listed client with their notes and tag links", async () => {
    const ids = await insertClients(alice, 3);
    const tag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Temp" });
    await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids, tagIds: [tag.id] });
    await alice.addNote(ids[0] ?? "", "to be deleted");
    expect(await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids: [...ids, ids[0]] })).toEqual({
      deleted: 3,
    });
    expect(
      await alice.sql(sql`select id from public.contacts where id = any(${`{${ids.join(",")}}`}::uuid[])`),
    ).toEqual([]);
    expect(await alice.sql(sql`select 1 from public.notes`)).toEqual([]);
    expect(await alice.sql(sql`select 1 from public.contact_tags`)).toEqual([]);
  });

  it("deletes nothing when one id is another practitioner's or does not exist (404)", async () => {
    const ids = await insertClients(alice, 4);
    const before = [await snapshotOf(alice.id), await snapshotOf(bob.id)];
    for (const stranger of [bobsClient.id, crypto.randomUUID()]) {
      const sent = await alice.send("POST", "/api/contacts/bulk-delete", { ids: [...ids, stranger] });
      await expectError(sent.response, 404);
    }
    expect([await snapshotOf(alice.id), await snapshotOf(bob.id)]).toEqual(before);
    await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids });
  });

  it("takes up to 500 ids", async () => {
    const ids = await insertClients(alice, 501);
    await expectError((await alice.send("POST", "/api/contacts/bulk-delete", { ids })).response, 422);
    await expectError((await alice.send("POST", "/api/contacts/bulk-delete", { ids: [] })).response, 422);
    expect(await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids: ids.slice(0, 500) })).toEqual({
      deleted: 500,
    });
    await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids: ids.slice(500) });
  });
});

describe("bulk tag", () => {
  it("adds tags to every listed client once, and removes them", async () => {
    const ids = await insertClients(alice, 500);
    const tags = await Promise.all(
      ["Yoga", "Reiki"].map((name) => alice.expect<Tag>(201, "POST", "/api/tags", { name, category: "Practice" })),
    );
    const tagIds = tags.map((tag) => tag.id);
    expect(await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids, tagIds })).toEqual({ changed: 1000 });
    expect(await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids, tagIds })).toEqual({ changed: 0 });
    const listed = await alice.expect<{ items: Tag[] }>(200, "GET", "/api/tags");
    expect(listed.items.filter((tag) => tagIds.includes(tag.id)).map((tag) => tag.usageCount)).toEqual([500, 500]);
    expect(
      await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: ids.slice(0, 10), tagIds, action: "remove" }),
    ).toEqual({ changed: 20 });
    expect(await alice.expect(200, "GET", `/api/contacts/count?tag=${tagIds[0]}`)).toEqual({ count: 490 });
    await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids });
  });

  it("changes nothing when a client or a tag is another practitioner's (404)", async () => {
    const ids = await insertClients(alice, 3);
    const mine = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Mine" });
    const before = [await snapshotOf(alice.id), await snapshotOf(bob.id)];
    const attempts = [
      { ids, tagIds: [mine.id, bobsTag.id] },
      { ids: [...ids, bobsClient.id], tagIds: [mine.id] },
      { ids: [bobsClient.id], tagIds: [mine.id] },
      { ids, tagIds: [crypto.randomUUID()] },
      { ids: [...ids, bobsClient.id], tagIds: [mine.id], action: "remove" },
    ];
    for (const body of attempts)
      await expectError((await alice.send("POST", "/api/contacts/bulk-tag", body)).response, 404);
    expect([await snapshotOf(alice.id), await snapshotOf(bob.id)]).toEqual(before);
  });
});
