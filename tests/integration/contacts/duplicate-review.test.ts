import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEventsPage } from "@/lib/contracts/audit";
import type { ContactDuplicatesResponse, DuplicatePairsResponse } from "@/lib/contracts/contact-duplicates";
import type { Contact, MergeContactsResponse } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import { seedConsent } from "../account/account-app";
import { loadAuditApp } from "../audit/audit-app";
import { expectError } from "../auth/fixtures";
import { signUpPractitioner, systemRows, type ClientRecordsApi, type Practitioner } from "./client-records-api";

let api: ClientRecordsApi;

beforeAll(async () => {
  api = (await loadAuditApp()).api;
});

async function client(who: Practitioner, fields: Record<string, unknown>): Promise<Contact> {
  return who.expect<Contact>(201, "POST", "/api/contacts", { allowDuplicate: true, ...fields });
}

async function suggestions(who: Practitioner, id: string): Promise<Record<string, string[]>> {
  const found = await who.expect<ContactDuplicatesResponse>(200, "GET", `/api/contacts/${id}/duplicates`);
  return Object.fromEntries(found.duplicates.map((entry) => [entry.contact.id, entry.reasons]));
}

async function pairsOf(who: Practitioner): Promise<DuplicatePairsResponse> {
  return who.expect<DuplicatePairsResponse>(200, "GET", "/api/contacts/duplicates");
}

const pairKey = (first: string, second: string) => [first, second].sort().join("+");

async function dismissalsOf(userId: string): Promise<unknown[]> {
  return systemRows(sql`select * from public.contact_duplicate_dismissals where user_id = ${userId} order by 2, 3`);
}

describe("possible duplicates of one client", () => {
  it("says why each matched: same email (any case), same phone (country code or trunk 0), similar name (accents, case)", async () => {
    const who = await signUpPractitioner(api, "Reasons");
    const sam = await client(who, { displayName: "Sam Lee", email: "sam@example.com", phone: "+44 7700 900123" });
    const byEmail = await client(who, { displayName: "S. Okafor", email: "  SAM@Example.com" });
    const byPhone = await client(who, { displayName: "Dana Whitfield", phone: "07700 900123" });
    const byAccents = await client(who, { displayName: "SÁM LÉE" });
    const byLongerName = await client(who, { displayName: "Samuel Lee" });
    const everything = await client(who, { displayName: "Sam Lee", email: "sam@example.com", phone: "07700900123" });
    await client(who, { displayName: "Ann Lee", email: "ann@example.com", phone: "+44 7700 900999" });

    expect(await suggestions(who, sam.id)).toEqual({
      [byEmail.id]: ["email"],
      [byPhone.id]: ["phone"],
      [byAccents.id]: ["name"],
      [byLongerName.id]: ["name"],
      [everything.id]: ["email", "phone", "name"],
    });
    const found = await who.expect<ContactDuplicatesResponse>(200, "GET", `/api/contacts/${sam.id}/duplicates`);
    expect(found.duplicates[0]?.contact).toMatchObject({ id: everything.id, displayName: "Sam Lee" });
    expect(await suggestions(who, byEmail.id)).toEqual({ [sam.id]: ["email"], [everything.id]: ["email"] });
  });

  it("lists nothing for a client with no look-alike, and 404 for an unknown or malformed id", async () => {
    const who = await signUpPractitioner(api, "Alone");
    const only = await client(who, { displayName: "Quentin Zybrowski", email: "q@example.com" });
    expect(await suggestions(who, only.id)).toEqual({});
    await expectError((await who.send("GET", `/api/contacts/${crypto.randomUUID()}/duplicates`)).response, 404);
    expect((await who.send("GET", "/api/contacts/not-an-id/duplicates")).status).toBeGreaterThanOrEqual(400);
    expect((await who.send("GET", "/api/contacts/not-an-id/duplicates")).status).toBeLessThan(500);
  });
});

describe("likely pairs across every client", () => {
  it("lists each pair once with its reasons, the older record first, most reasons first", async () => {
    const who = await signUpPractitioner(api, "Pairs");
    const older = await client(who, { displayName: "Zoë Müller", email: "zoe@example.com", phone: "+1 212 555 0147" });
    await who.sql(sql`update public.contacts set created_at = '2021-01-01T00:00:00Z' where id = ${older.id}`);
    const newer = await client(who, { displayName: "zoe muller", email: "ZOE@example.com", phone: "212-555-0147" });
    const third = await client(who, { displayName: "Z. M.", phone: "(212) 555 0147" });
    await client(who, { displayName: "Unrelated", email: "someone@example.com" });

    const listed = await pairsOf(who);
    expect(listed.hasMore).toBe(false);
    expect(listed.pairs).toHaveLength(3);
    expect(listed.pairs[0]).toMatchObject({
      contact: { id: older.id, displayName: "Zoë Müller" },
      other: { id: newer.id },
      reasons: ["email", "phone", "name"],
    });
    const rest = Object.fromEntries(
      listed.pairs.slice(1).map((pair) => [pairKey(pair.contact.id, pair.other.id), pair.reasons]),
    );
    expect(rest).toEqual({ [pairKey(older.id, third.id)]: ["phone"], [pairKey(newer.id, third.id)]: ["phone"] });

    const limited = await who.expect<DuplicatePairsResponse>(200, "GET", "/api/contacts/duplicates?limit=1");
    expect(limited).toMatchObject({ hasMore: true, pairs: [{ contact: { id: older.id }, other: { id: newer.id } }] });
  });

  it("says so when there are none", async () => {
    const who = await signUpPractitioner(api, "NoPairs");
    await client(who, { displayName: "One Person" });
    expect(await pairsOf(who)).toEqual({ pairs: [], hasMore: false });
  });

  it("refuses a bad limit or an unknown parameter with 4xx", async () => {
    const who = await signUpPractitioner(api, "BadLimit");
    for (const query of ["limit=0", "limit=abc", "limit=101", "limit=1.5", "sort=name", "limit=-1"]) {
      const sent = await who.send("GET", `/api/contacts/duplicates?${query}`);
      expect(sent.status, query).toBeGreaterThanOrEqual(400);
      expect(sent.status, query).toBeLessThan(500);
    }
  });
});

describe("not a duplicate", () => {
  it("stops the pair showing from either side and in the list, once, with one audit event per answer", async () => {
    const who = await signUpPractitioner(api, "Dismisser");
    const first = await client(who, { displayName: "Robin Hart", email: "robin@example.com" });
    const second = await client(who, { displayName: "Robin Hartley", email: "robin@example.com" });
    const third = await client(who, { displayName: "R Hart", email: "robin@example.com" });

    const sent = await who.send("POST", `/api/contacts/${second.id}/duplicates/dismissals`, { otherId: first.id });
    expect(sent.status).toBe(204);
    expect(Object.keys(await suggestions(who, first.id))).toEqual([third.id]);
    expect(Object.keys(await suggestions(who, second.id))).toEqual([third.id]);
    const keys = (await pairsOf(who)).pairs.map((pair) => pairKey(pair.contact.id, pair.other.id));
    expect(keys.sort()).toEqual([pairKey(first.id, third.id), pairKey(second.id, third.id)].sort());

    expect(
      (await who.send("POST", `/api/contacts/${first.id}/duplicates/dismissals`, { otherId: second.id })).status,
    ).toBe(204);
    expect(await dismissalsOf(who.id)).toHaveLength(1);
    const events = await systemRows<{ target_id: string; metadata: unknown }>(
      sql`select target_id, metadata from public.audit_events
           where user_id = ${who.id} and action = 'client.duplicate_dismissed' order by occurred_at`,
    );
    expect(events).toEqual([
      { target_id: second.id, metadata: { otherId: first.id } },
      { target_id: first.id, metadata: { otherId: second.id } },
    ]);
  });

  it("goes with the client: deleting one of the pair deletes the answer", async () => {
    const who = await signUpPractitioner(api, "Cascade");
    const first = await client(who, { displayName: "Kim Park", phone: "555 0101 222" });
    const second = await client(who, { displayName: "Kim Parker", phone: "555 0101 222" });
    await who.expect(204, "POST", `/api/contacts/${first.id}/duplicates/dismissals`, { otherId: second.id });
    await who.expect(204, "DELETE", `/api/contacts/${second.id}`);
    expect(await dismissalsOf(who.id)).toEqual([]);
  });

  it("refuses hostile bodies with 4xx and writes nothing", async () => {
    const who = await signUpPractitioner(api, "HostileDismiss");
    const first = await client(who, { displayName: "Lee One" });
    const second = await client(who, { displayName: "Lee Two" });
    const bodies: unknown[] = [
      {},
      { otherId: "not-a-uuid" },
      { otherId: first.id },
      { otherId: second.id, extra: true },
      { otherId: [second.id] },
      { otherId: null },
      [second.id],
      null,
      "text",
      { otherId: `${second.id}\u0000` },
    ];
    for (const body of bodies) {
      const sent = await who.send("POST", `/api/contacts/${first.id}/duplicates/dismissals`, body);
      expect(sent.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(sent.status, JSON.stringify(body)).toBeLessThan(500);
    }
    expect(await dismissalsOf(who.id)).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("another practitioner's clients never appear, cannot be dismissed or merged (404), and nothing is written", async () => {
    const alice = await signUpPractitioner(api, "AliceDup");
    const bob = await signUpPractitioner(api, "BobDup");
    const alices = await client(alice, { displayName: "Jo March", email: "jo@example.com", phone: "+1 617 555 0100" });
    const alicesOther = await client(alice, { displayName: "Josephine March", email: "jo@example.com" });
    const bobs = await client(bob, { displayName: "Jo March", email: "jo@example.com", phone: "617 555 0100" });

    expect(Object.keys(await suggestions(alice, alices.id))).toEqual([alicesOther.id]);
    expect(await suggestions(bob, bobs.id)).toEqual({});
    expect((await pairsOf(bob)).pairs).toEqual([]);
    expect((await pairsOf(alice)).pairs.flatMap((pair) => [pair.contact.id, pair.other.id])).not.toContain(bobs.id);

    await expectError((await bob.send("GET", `/api/contacts/${alices.id}/duplicates`)).response, 404);
    const dismiss = (who: Practitioner, id: string, otherId: string) =>
      who.send("POST", `/api/contacts/${id}/duplicates/dismissals`, { otherId });
    await expectError(
      (await bob.send("POST", `/api/contacts/${alices.id}/duplicates/dismissals`, { otherId: alicesOther.id }))
        .response,
      404,
    );
    await expectError((await dismiss(alice, alices.id, bobs.id)).response, 404);
    await expectError((await dismiss(bob, bobs.id, alices.id)).response, 404);
    await expectError(
      (await bob.send("POST", `/api/contacts/${bobs.id}/merge`, { duplicateId: alices.id })).response,
      404,
    );
    await expectError(
      (await bob.send("POST", `/api/contacts/${alices.id}/merge`, { duplicateId: alicesOther.id })).response,
      404,
    );
    expect([...(await dismissalsOf(alice.id)), ...(await dismissalsOf(bob.id))]).toEqual([]);
    expect(await suggestions(alice, alices.id)).toEqual({ [alicesOther.id]: ["email"] });
  });

  it("under row level security a practitioner reads none of another's answers and cannot write one naming their clients", async () => {
    const alice = await signUpPractitioner(api, "AliceRls");
    const bob = await signUpPractitioner(api, "BobRls");
    const [one, two] = [await client(alice, { displayName: "A" }), await client(alice, { displayName: "B" })];
    await alice.expect(204, "POST", `/api/contacts/${one.id}/duplicates/dismissals`, { otherId: two.id });
    expect(await bob.sql(sql`select * from public.contact_duplicate_dismissals`)).toEqual([]);
    const [low, high] = [one.id, two.id].sort();
    await expect(
      bob.sql(sql`insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
                  values (${bob.id}, ${low}, ${high})`),
    ).rejects.toThrow();
    await expect(
      bob.sql(sql`insert into public.contact_duplicate_dismissals (user_id, contact_id, other_contact_id)
                  values (${alice.id}, ${low}, ${high})`),
    ).rejects.toThrow();
    expect(await bob.sql(sql`delete from public.contact_duplicate_dismissals returning 1`)).toEqual([]);
    expect(await dismissalsOf(alice.id)).toHaveLength(1);
  });
});

describe("merging a duplicate found here", () => {
  it("applies each field choice, moves notes, consents, tags, photo, answers and history, in one audit event", async () => {
    const who = await signUpPractitioner(api, "Merger");
    const [kept, moved] = await Promise.all(
      ["Kept tag", "Moved tag"].map((name) => who.expect<Tag>(201, "POST", "/api/tags", { name })),
    );
    const primary = await client(who, {
      displayName: "Sam Lee",
      email: "sam@old.example",
      phone: "+44 7700 900123",
      pronouns: "they/them",
    });
    const duplicate = await client(who, {
      displayName: "Samuel Lee",
      email: "sam@new.example",
      phone: "07700 900123",
      referralSource: "Instagram",
    });
    const stranger = await client(who, { displayName: "Sam Leeson", email: "leeson@example.com" });
    await who.expect(204, "POST", `/api/contacts/${duplicate.id}/duplicates/dismissals`, { otherId: stranger.id });
    await who.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [primary.id], tagIds: [kept?.id] });
    await who.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [duplicate.id], tagIds: [moved?.id] });
    const notes = [await who.addNote(primary.id, "first visit"), await who.addNote(duplicate.id, "second visit")];
    await seedConsent(who, duplicate.id, "Samuel Lee");
    const { putObject, getObject } = await import("@/server/storage");
    const { setContactPhoto } = await import("@/server/services/contacts");
    const photoPath = `photos/${who.id}/${duplicate.id}/${randomBytes(16).toString("hex")}.webp`;
    await putObject(photoPath, new TextEncoder().encode("photo"), "image/webp");
    await setContactPhoto({ userId: who.id }, { id: duplicate.id, photoPath });
    await who.expect(200, "GET", `/api/contacts/${duplicate.id}`);

    const result = await who.expect<MergeContactsResponse>(200, "POST", `/api/contacts/${primary.id}/merge`, {
      duplicateId: duplicate.id,
      fields: { displayName: "primary", email: "duplicate", phone: "primary", photoPath: "duplicate" },
    });

    expect(result.contact).toMatchObject({
      id: primary.id,
      displayName: "Sam Lee",
      email: "sam@new.example",
      phone: "+44 7700 900123",
      pronouns: "they/them",
      referralSource: "Instagram",
    });
    expect(result.contact.photoPath).toMatch(new RegExp(`^photos/${who.id}/${primary.id}/`));
    await expect(getObject(result.contact.photoPath ?? "")).resolves.toBeTruthy();
    expect(result.contact.tags.map((tag) => tag.name)).toEqual(["Kept tag", "Moved tag"]);
    expect(result.merged).toMatchObject({ notesMoved: 1, tagsMoved: 1, consentsMoved: 1 });
    await expectError((await who.send("GET", `/api/contacts/${duplicate.id}`)).response, 404);

    const owners = await systemRows<{ contact_id: string }>(
      sql`select distinct contact_id from public.notes where id in (${sql.join(
        notes.map((id) => sql`${id}`),
        sql`, `,
      )})
          union select distinct contact_id from public.client_consents where user_id = ${who.id}`,
    );
    expect(owners).toEqual([{ contact_id: primary.id }]);
    const [low, high] = [primary.id, stranger.id].sort();
    expect(await dismissalsOf(who.id)).toMatchObject([{ contact_id: low, other_contact_id: high }]);
    expect(await suggestions(who, primary.id)).toEqual({});

    const merges = await systemRows(
      sql`select 1 from public.audit_events where user_id = ${who.id} and action = 'client.merged'`,
    );
    expect(merges).toHaveLength(1);
    const history = await who.expect<AuditEventsPage>(200, "GET", `/api/audit-events?targetId=${primary.id}&limit=100`);
    const actions = history.items.map(
      (event) => `${event.action}:${event.targetId === primary.id ? "kept" : "merged"}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "client.merged:kept",
        "client.created:kept",
        "client.created:merged",
        "client.viewed:merged",
        "photo.uploaded:merged",
      ]),
    );
  });

  it("a hostile merge body is 4xx and changes nothing", async () => {
    const who = await signUpPractitioner(api, "HostileMerge");
    const primary = await client(who, { displayName: "Pat Kim", email: "pat@example.com" });
    const duplicate = await client(who, { displayName: "Pat Kim", email: "pat@example.com" });
    const before = await systemRows(sql`select * from public.contacts where user_id = ${who.id} order by id`);
    const bodies: unknown[] = [
      { duplicateId: duplicate.id, fields: { email: "both" } },
      { duplicateId: duplicate.id, fields: { userId: "duplicate" } },
      { duplicateId: duplicate.id, fields: [] },
      { duplicateId: duplicate.id, fields: "duplicate" },
      { duplicateId: duplicate.id, extra: 1 },
      { duplicateId: "x" },
      { fields: {} },
      null,
    ];
    for (const body of bodies) {
      const sent = await who.send("POST", `/api/contacts/${primary.id}/merge`, body);
      expect(sent.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(sent.status, JSON.stringify(body)).toBeLessThan(500);
    }
    expect(await systemRows(sql`select * from public.contacts where user_id = ${who.id} order by id`)).toEqual(before);
  });
});
