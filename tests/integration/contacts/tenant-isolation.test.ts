import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag, TagListResponse } from "@/lib/contracts/tags";
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
let alicesClient: Contact;
let alicesTag: Tag;
let alicesNote: string;
let bobsClient: Contact;
let bobsTag: Tag;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  alicesClient = await alice.expect<Contact>(201, "POST", "/api/contacts", {
    displayName: "Quentin Marlowe",
    email: "quentin@example.com",
    phone: "+1 555 0100",
    healthContext: { conditions: ["migraine"] },
  });
  alicesTag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Confidential" });
  await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [alicesClient.id], tagIds: [alicesTag.id] });
  alicesNote = await alice.addNote(alicesClient.id, "Quentin mentioned insomnia");
  bobsClient = await bob.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Bob's own" });
  bobsTag = await bob.expect<Tag>(201, "POST", "/api/tags", { name: "Bob's tag" });
});

describe("a second practitioner using the first one's ids", () => {
  it("gets 404 from every endpoint that takes an id, and nothing changes", async () => {
    const before = await snapshotOf(alice.id);
    const attempts: [Parameters<Practitioner["send"]>[0], string, unknown?][] = [
      ["GET", `/api/contacts/${alicesClient.id}`],
      ["PATCH", `/api/contacts/${alicesClient.id}`, { displayName: "Hijacked" }],
      ["PATCH", `/api/contacts/${alicesClient.id}`, {}],
      ["DELETE", `/api/contacts/${alicesClient.id}`],
      ["POST", `/api/contacts/${alicesClient.id}/merge`, { duplicateId: bobsClient.id }],
      ["POST", `/api/contacts/${bobsClient.id}/merge`, { duplicateId: alicesClient.id }],
      ["POST", "/api/contacts/bulk-delete", { ids: [alicesClient.id] }],
      ["POST", "/api/contacts/bulk-delete", { ids: [bobsClient.id, alicesClient.id] }],
      ["POST", "/api/contacts/bulk-tag", { ids: [alicesClient.id], tagIds: [bobsTag.id] }],
      ["POST", "/api/contacts/bulk-tag", { ids: [bobsClient.id], tagIds: [alicesTag.id] }],
      ["POST", "/api/contacts/bulk-tag", { ids: [alicesClient.id], tagIds: [alicesTag.id], action: "remove" }],
      ["PATCH", `/api/tags/${alicesTag.id}`, { name: "Mine now" }],
      ["DELETE", `/api/tags/${alicesTag.id}`],
    ];
    for (const [method, url, body] of attempts) {
      const sent = await bob.send(method, url, body);
      const error = await expectError(sent.response, 404);
      expect(error.message).not.toContain(alicesClient.displayName);
    }
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("never sees the first one's clients or tags in lists, counts, filters or search", async () => {
    const list = await bob.expect<ContactListResponse>(200, "GET", "/api/contacts");
    expect(list.items.map((client) => client.id)).toEqual([bobsClient.id]);
    for (const query of ["q=Quentin", "q=quentin%40example", "q=5550100", "q=insomnia", `tag=${alicesTag.id}`]) {
      expect(await bob.expect(200, "GET", `/api/contacts?${query}`)).toEqual({ items: [], nextCursor: null });
      expect(await bob.expect(200, "GET", `/api/contacts/count?${query}`)).toEqual({ count: 0 });
    }
    const tags = await bob.expect<TagListResponse>(200, "GET", "/api/tags");
    expect(tags.items.map((tag) => tag.id)).toEqual([bobsTag.id]);
    // The first practitioner still finds all of it.
    const found = await alice.expect<ContactListResponse>(200, "GET", "/api/contacts?q=insomnia");
    expect(found.items.map((client) => client.id)).toEqual([alicesClient.id]);
  });
});

describe("row level security, directly in SQL as the second practitioner", () => {
  it("reads nothing of the first one's rows", async () => {
    for (const statement of [
      sql`select id from public.contacts where id = ${alicesClient.id}`,
      sql`select id from public.contacts where user_id = ${alice.id}`,
      sql`select id from public.tags where id = ${alicesTag.id}`,
      sql`select contact_id from public.contact_tags where contact_id = ${alicesClient.id}`,
      sql`select id from public.notes where id = ${alicesNote}`,
      sql`select id from app_search.my_contacts where id = ${alicesClient.id} or display_name ilike '%Quentin%'`,
      sql`select id from app_search.my_notes where contact_id = ${alicesClient.id}`,
    ]) {
      expect(await bob.sql(statement)).toEqual([]);
    }
  });

  it("changes nothing of them", async () => {
    const before = await snapshotOf(alice.id);
    for (const statement of [
      sql`update public.contacts set display_name = 'Hijacked' where id = ${alicesClient.id} returning id`,
      sql`update public.tags set name = 'Hijacked' where id = ${alicesTag.id} returning id`,
      sql`update public.notes set body_text = 'Hijacked' where id = ${alicesNote} returning id`,
      sql`delete from public.contact_tags where contact_id = ${alicesClient.id} returning contact_id`,
      sql`delete from public.notes where id = ${alicesNote} returning id`,
      sql`delete from public.tags where id = ${alicesTag.id} returning id`,
      sql`delete from public.contacts where id = ${alicesClient.id} returning id`,
    ]) {
      expect(await bob.sql(statement)).toEqual([]);
    }
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("cannot link a tag or a note across practitioners, or write rows in the first one's name", async () => {
    const before = [await snapshotOf(alice.id), await snapshotOf(bob.id)];
    for (const statement of [
      sql`insert into public.contact_tags (contact_id, tag_id, user_id) values (${alicesClient.id}, ${bobsTag.id}, ${bob.id})`,
      sql`insert into public.contact_tags (contact_id, tag_id, user_id) values (${bobsClient.id}, ${alicesTag.id}, ${bob.id})`,
      sql`insert into public.contact_tags (contact_id, tag_id, user_id) values (${alicesClient.id}, ${alicesTag.id}, ${alice.id})`,
      sql`insert into public.notes (user_id, contact_id) values (${bob.id}, ${alicesClient.id})`,
      sql`insert into public.notes (user_id, contact_id) values (${alice.id}, ${alicesClient.id})`,
      sql`insert into public.contacts (user_id, display_name) values (${alice.id}, 'Planted')`,
      sql`insert into public.tags (user_id, name) values (${alice.id}, 'Planted')`,
      sql`update public.contacts set user_id = ${alice.id} where id = ${bobsClient.id}`,
    ]) {
      await expect(bob.sql(statement)).rejects.toThrow();
    }
    expect([await snapshotOf(alice.id), await snapshotOf(bob.id)]).toEqual(before);
  });

  it("sees only their own rows through the search views, and cannot write through them", async () => {
    expect(await bob.sql(sql`select id from app_search.my_contacts`)).toEqual([{ id: bobsClient.id }]);
    const before = await snapshotOf(alice.id);
    for (const statement of [
      sql`update app_search.my_contacts set display_name = 'Hijacked'`,
      sql`delete from app_search.my_notes`,
      sql`insert into app_search.my_contacts (user_id, display_name) values (${alice.id}, 'Planted')`,
    ]) {
      await expect(bob.sql(statement)).rejects.toThrow();
    }
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("the search views give nothing to a session without a signed-in user", async () => {
    const rows = await systemRows(
      sql`select id from app_search.my_contacts union all select id from app_search.my_notes`,
    );
    expect(rows).toEqual([]);
  });
});
