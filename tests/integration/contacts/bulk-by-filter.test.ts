import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Tag } from "@/lib/contracts/tags";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  snapshotOf,
  systemRows,
  type Practitioner,
} from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

/** `count` clients named `<prefix> <n>`, inserted in one statement under row level security. */
async function insertClients(who: Practitioner, prefix: string, count: number, stage = "Prospect"): Promise<string[]> {
  const rows = await who.sql<{ id: string }>(sql`
    insert into public.contacts (user_id, display_name, lifecycle_stage)
    select ${who.id}, ${prefix} || ' ' || n, ${stage}::public.contact_lifecycle_stage
      from generate_series(1, ${count}::int) as n
    returning id`);
  return rows.map((row) => row.id);
}

async function countOf(who: Practitioner, query: string): Promise<number> {
  return (await who.expect<{ count: number }>(200, "GET", `/api/contacts/count?${query}`)).count;
}

async function idsOf(who: Practitioner): Promise<string[]> {
  return (await who.sql<{ id: string }>(sql`select id from public.contacts order by id`)).map((row) => row.id);
}

describe("bulk delete of every client matching a filter", () => {
  it("deletes exactly the caller's matching clients, found as the count found them, in one audited step", async () => {
    const matching = await insertClients(alice, "Óscar Remove", 130);
    const kept = await insertClients(alice, "Oscar Keep", 3);
    const bobsLookalikes = await insertClients(bob, "Oscar Remove", 2);
    const filter = { q: "oscar remove" };
    expect(await countOf(alice, "q=oscar%20remove")).toBe(130);

    expect(await alice.expect(200, "POST", "/api/contacts/bulk-delete", { filter, expectedCount: 130 })).toEqual({
      deleted: 130,
    });
    expect(await idsOf(alice)).toEqual([...kept].sort());
    expect(await idsOf(bob)).toEqual([...bobsLookalikes].sort());
    const [event] = await systemRows<{ metadata: { count: number; clientIds: string[]; selectedBy: string } }>(
      sql`select metadata from public.audit_events where user_id = ${alice.id} and action = 'clients.bulk_deleted'`,
    );
    expect(event?.metadata).toMatchObject({ count: 130, selectedBy: "filter" });
    expect([...(event?.metadata.clientIds ?? [])].sort()).toEqual([...matching].sort());
    await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids: kept });
    await bob.expect(200, "POST", "/api/contacts/bulk-delete", { ids: bobsLookalikes });
  });

  it("refuses with 409 and changes nothing when the matching set no longer has the count shown", async () => {
    await insertClients(alice, "Changed Set", 4);
    const filter = { q: "changed set" };
    const before = [await snapshotOf(alice.id), await snapshotOf(bob.id)];
    for (const expectedCount of [3, 5]) {
      const error = await expectError(
        (await alice.send("POST", "/api/contacts/bulk-delete", { filter, expectedCount })).response,
        409,
      );
      expect(error.details).toEqual({ expectedCount, matchingCount: 4 });
    }
    expect([await snapshotOf(alice.id), await snapshotOf(bob.id)]).toEqual(before);
    // A client added after the practitioner looked: the set they chose is not the set that matches now.
    await insertClients(alice, "Changed Set late", 1);
    const afterInsert = await snapshotOf(alice.id);
    await expectError(
      (await alice.send("POST", "/api/contacts/bulk-delete", { filter, expectedCount: 4 })).response,
      409,
    );
    expect(await snapshotOf(alice.id)).toEqual(afterInsert);
    expect(await alice.expect(200, "POST", "/api/contacts/bulk-delete", { filter, expectedCount: 5 })).toEqual({
      deleted: 5,
    });
  });

  it("never reaches another practitioner's clients, whatever the filter names", async () => {
    const bobsTag = await bob.expect<Tag>(201, "POST", "/api/tags", { name: "Bob only" });
    const bobsClients = await insertClients(bob, "Tenancy Probe", 2);
    await bob.expect(200, "POST", "/api/contacts/bulk-tag", { ids: bobsClients, tagIds: [bobsTag.id] });
    const before = await snapshotOf(bob.id);
    for (const filter of [{ q: "tenancy probe" }, { tag: bobsTag.id }])
      await expectError(
        (await alice.send("POST", "/api/contacts/bulk-delete", { filter, expectedCount: 2 })).response,
        409,
      );
    expect(await snapshotOf(bob.id)).toEqual(before);
  });

  it("takes the list's filters only, a count of at most 1,000, and ids or a filter but not both (422)", async () => {
    const ids = await insertClients(alice, "Shape", 1);
    const bodies = [
      { filter: { q: "shape" }, expectedCount: 1001 },
      { filter: { q: "shape" }, expectedCount: 0 },
      { filter: { q: "shape" } },
      { filter: { q: "shape", sort: "name" }, expectedCount: 1 },
      { filter: { q: "shape", stage: "Nobody" }, expectedCount: 1 },
      { filter: { q: "shape" }, expectedCount: 1, ids },
      {},
    ];
    for (const body of bodies)
      await expectError((await alice.send("POST", "/api/contacts/bulk-delete", body)).response, 422);
    expect(await idsOf(alice)).toEqual(expect.arrayContaining(ids));
    await alice.expect(200, "POST", "/api/contacts/bulk-delete", { ids });
  });
});

describe("bulk tag of every client matching a filter", () => {
  it("tags the caller's clients matching the search and filters, and removes the tag the same way", async () => {
    const vips = await insertClients(alice, "Tag Me", 3, "VIP Client");
    await insertClients(alice, "Tag Me", 2, "Prospect");
    await insertClients(bob, "Tag Me", 2, "VIP Client");
    const bobBefore = await snapshotOf(bob.id);
    const tag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Retreat" });
    const filter = { q: "tag me", stage: "VIP Client" };
    expect(await countOf(alice, "q=tag%20me&stage=VIP%20Client")).toBe(3);

    expect(
      await alice.expect(200, "POST", "/api/contacts/bulk-tag", { filter, expectedCount: 3, tagIds: [tag.id] }),
    ).toEqual({ changed: 3 });
    const tagged = await alice.sql<{ contact_id: string }>(
      sql`select contact_id from public.contact_tags where tag_id = ${tag.id} order by contact_id`,
    );
    expect(tagged.map((row) => row.contact_id)).toEqual([...vips].sort());
    expect(await snapshotOf(bob.id)).toEqual(bobBefore);

    // Tagging changed nothing the filter reads, so the same count still holds for the removal.
    expect(
      await alice.expect(200, "POST", "/api/contacts/bulk-tag", {
        filter: { tag: tag.id },
        expectedCount: 3,
        tagIds: [tag.id],
        action: "remove",
      }),
    ).toEqual({ changed: 3 });
    expect(await countOf(alice, `tag=${tag.id}`)).toBe(0);
    expect(await snapshotOf(bob.id)).toEqual(bobBefore);
  });

  it("refuses with 409 and tags nobody when the count changed", async () => {
    await insertClients(alice, "Moving Target", 2);
    const tag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Never applied" });
    const before = await snapshotOf(alice.id);
    const sent = await alice.send("POST", "/api/contacts/bulk-tag", {
      filter: { q: "moving target" },
      expectedCount: 1,
      tagIds: [tag.id],
    });
    expect((await expectError(sent.response, 409)).details).toEqual({ expectedCount: 1, matchingCount: 2 });
    expect(await snapshotOf(alice.id)).toEqual(before);
  });
});
