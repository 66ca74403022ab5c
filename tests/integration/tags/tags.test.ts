import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag, TagListResponse } from "@/lib/contracts/tags";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "../contacts/client-records-api";

let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
});

describe("tags", () => {
  it("are created with a colour (lower-cased, or the preset used least) and a category, and listed by name with usage counts", async () => {
    const vip = await alice.expect<Tag>(201, "POST", "/api/tags", {
      name: " VIP ",
      color: "#FFAA00",
      category: "Tier",
    });
    expect(vip).toMatchObject({ name: "VIP", color: "#ffaa00", category: "Tier", usageCount: 0 });
    const plain = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "acupuncture" });
    expect(plain).toMatchObject({ color: "#64748b", category: null });
    // Without a colour each new tag takes the preset used least, so new tags are not all one grey.
    const second = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Yoga" });
    expect(second.color).toBe("#dc2626");
    await alice.expect(204, "DELETE", `/api/tags/${second.id}`);
    const clients = await Promise.all(
      ["One", "Two"].map((displayName) => alice.expect<Contact>(201, "POST", "/api/contacts", { displayName })),
    );
    await alice.expect(200, "POST", "/api/contacts/bulk-tag", {
      ids: clients.map((client) => client.id),
      tagIds: [vip.id],
    });
    const list = await alice.expect<TagListResponse>(200, "GET", "/api/tags");
    expect(list.items.map((tag) => [tag.name, tag.usageCount])).toEqual([
      ["acupuncture", 0],
      ["VIP", 2],
    ]);
    const client = await alice.expect<Contact>(200, "GET", `/api/contacts/${clients[0]?.id}`);
    expect(client.tags).toEqual([{ id: vip.id, name: "VIP", color: "#ffaa00" }]);
  });

  it("have names unique per practitioner whatever the letter case (409), but not across practitioners", async () => {
    const sports = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Sports" });
    const error = await expectError((await alice.send("POST", "/api/tags", { name: "SPORTS" })).response, 409);
    expect(error.code).toBe("conflict");
    const other = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Rehab" });
    await expectError((await alice.send("PATCH", `/api/tags/${other.id}`, { name: "sports" })).response, 409);
    await bob.expect(201, "POST", "/api/tags", { name: "Sports" });
    expect(await alice.expect<Tag>(200, "PATCH", `/api/tags/${sports.id}`, { name: "sports" })).toMatchObject({
      name: "sports",
    });
  });

  it("are edited field by field and deleted with their links, leaving the clients", async () => {
    const tag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Temp", category: "Old" });
    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Kept" });
    await alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids: [client.id], tagIds: [tag.id] });
    const edited = await alice.expect<Tag>(200, "PATCH", `/api/tags/${tag.id}`, { color: "#123456", category: null });
    expect(edited).toMatchObject({ name: "Temp", color: "#123456", category: null, usageCount: 1 });
    expect(await alice.expect(200, "PATCH", `/api/tags/${tag.id}`, {})).toEqual(edited);
    expect((await alice.send("DELETE", `/api/tags/${tag.id}`)).status).toBe(204);
    await expectError((await alice.send("DELETE", `/api/tags/${tag.id}`)).response, 404);
    await expectError((await alice.send("PATCH", `/api/tags/${tag.id}`, { name: "Back" })).response, 404);
    expect((await alice.expect<Contact>(200, "GET", `/api/contacts/${client.id}`)).tags).toEqual([]);
    expect(await alice.sql(sql`select 1 from public.contact_tags where tag_id = ${tag.id}`)).toEqual([]);
  });

  it("refuse invalid input with the JSON error shape", async () => {
    for (const body of [
      {},
      { name: "" },
      { name: "x".repeat(61) },
      { name: "Ok", color: "red" },
      { name: "Ok", color: "#12345" },
      { name: "Ok", owner: "someone" },
      { name: "Nul\u0000" },
      [],
      "plain text",
    ]) {
      const sent = await alice.send("POST", "/api/tags", body);
      expect([400, 422]).toContain(sent.status);
      await expectError(sent.response, sent.status);
    }
    await expectError((await alice.send("PATCH", "/api/tags/not-an-id", { name: "x" })).response, 422);
  });
});
