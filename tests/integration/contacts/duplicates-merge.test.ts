import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact, MergeContactsResponse } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, signUpPractitioner, snapshotOf, type Practitioner } from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

describe("duplicate detection on create", () => {
  it("answers 409 with the existing client's id for the same email, whatever its case and spaces", async () => {
    const first = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Ruth Adler",
      email: "ruth@example.com",
    });
    const sent = await alice.send("POST", "/api/contacts", { displayName: "R. Adler", email: "  RUTH@Example.COM " });
    const error = await expectError(sent.response, 409);
    expect(error.details).toEqual({ duplicateId: first.id, matchedOn: "email" });
  });

  it("answers 409 for the same phone digits however they are written", async () => {
    const first = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Omar Haddad",
      phone: "+1 (212) 555-0147",
    });
    const error = await expectError(
      (await alice.send("POST", "/api/contacts", { displayName: "Omar H", phone: "1.212.555.0147" })).response,
      409,
    );
    expect(error.details).toEqual({ duplicateId: first.id, matchedOn: "phone" });
  });

  it("creates the duplicate anyway when asked to", async () => {
    const again = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Ruth A.",
      email: "ruth@example.com",
      allowDuplicate: true,
    });
    expect(again.email).toBe("ruth@example.com");
  });

  it("does not see another practitioner's clients as duplicates", async () => {
    await bob.expect(201, "POST", "/api/contacts", { displayName: "Ruth Adler", email: "ruth@example.com" });
  });
});

describe("merge", () => {
  it("keeps one client with the chosen fields, every note and tag, and deletes the duplicate", async () => {
    const [sports, prenatal, vip] = await Promise.all(
      ["Sports", "Prenatal", "VIP"].map((name) => alice.expect<Tag>(201, "POST", "/api/tags", { name })),
    );
    const primary = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Lena Fischer",
      email: "lena@old.example",
      lifecycleStage: "New Client",
    });
    const duplicate = await alice.expect<Contact>(201, "POST", "/api/contacts", {
      displayName: "Lena F.",
      email: "lena@new.example",
      phone: "030 555 0101",
      pronouns: "she/her",
      lifecycleStage: "VIP Client",
    });
    await alice.sql(sql`update public.contacts set created_at = '2020-01-01T00:00:00Z' where id = ${duplicate.id}`);
    await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [primary.id], tagIds: [sports?.id, vip?.id] });
    await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [duplicate.id], tagIds: [prenatal?.id, vip?.id] });
    const notes = [await alice.addNote(primary.id, "first visit"), await alice.addNote(duplicate.id, "second visit")];

    const result = await alice.expect<MergeContactsResponse>(200, "POST", `/api/contacts/${primary.id}/merge`, {
      duplicateId: duplicate.id,
      fields: { email: "duplicate", lifecycleStage: "duplicate", displayName: "primary" },
    });

    expect(result.merged).toEqual({
      duplicateId: duplicate.id,
      fromDuplicate: expect.arrayContaining(["email", "lifecycleStage", "phone", "pronouns"]) as unknown,
      notesMoved: 1,
      tagsMoved: 1,
      consentsMoved: 0,
    });
    expect(result.merged.fromDuplicate).not.toContain("displayName");
    expect(result.contact).toMatchObject({
      id: primary.id,
      displayName: "Lena Fischer",
      email: "lena@new.example",
      phone: "030 555 0101",
      pronouns: "she/her",
      lifecycleStage: "VIP Client",
      createdAt: "2020-01-01T00:00:00.000Z",
    });
    expect(result.contact.tags.map((tag) => tag.name)).toEqual(["Prenatal", "Sports", "VIP"]);
    expect(await alice.expect(200, "GET", `/api/contacts/${primary.id}`)).toEqual(result.contact);
    await expectError((await alice.send("GET", `/api/contacts/${duplicate.id}`)).response, 404);
    const noteOwners = await alice.sql<{ contact_id: string }>(
      sql`select distinct contact_id from public.notes where id in (${sql.join(
        notes.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect(noteOwners).toEqual([{ contact_id: primary.id }]);
  });

  it("changes nothing when either client is not the caller's, or is merged into itself", async () => {
    const mine = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Kai" });
    const other = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Kai 2" });
    const bobs = await bob.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Bob's Kai" });
    const before = [await snapshotOf(alice.id), await snapshotOf(bob.id)];
    await expectError(
      (await alice.send("POST", `/api/contacts/${mine.id}/merge`, { duplicateId: bobs.id })).response,
      404,
    );
    await expectError(
      (await alice.send("POST", `/api/contacts/${bobs.id}/merge`, { duplicateId: mine.id })).response,
      404,
    );
    await expectError(
      (await bob.send("POST", `/api/contacts/${mine.id}/merge`, { duplicateId: other.id })).response,
      404,
    );
    await expectError(
      (await alice.send("POST", `/api/contacts/${mine.id}/merge`, { duplicateId: mine.id })).response,
      422,
    );
    await expectError(
      (
        await alice.send("POST", `/api/contacts/${mine.id}/merge`, {
          duplicateId: other.id,
          fields: { id: "duplicate" },
        })
      ).response,
      422,
    );
    expect([await snapshotOf(alice.id), await snapshotOf(bob.id)]).toEqual(before);
  });
});
