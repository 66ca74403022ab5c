import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import type * as ListVersion from "@/server/services/contacts/list-version";
import { listPageLookupCounts } from "@/server/observability/metrics";
import { loadClientRecordsApi, signUpPractitioner, systemRows, type Practitioner } from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;
let versions: typeof ListVersion;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  // The same module instances the routes use (loading the API reset the module graph).
  versions = await import("@/server/services/contacts/list-version");
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  for (const name of ["Ada Lovelace", "Grace Hopper", "Alan Turing"])
    await alice.expect(201, "POST", "/api/contacts", { displayName: name });
});

const names = (page: ContactListResponse) => page.items.map((item) => item.displayName);

async function page(who: Practitioner, url = "/api/contacts"): Promise<{ text: string; body: ContactListResponse }> {
  const sent = await who.send("GET", url);
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { text: await sent.response.text(), body: sent.body as ContactListResponse };
}

/** Cache hits and misses counted while `fn` runs. */
async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; hit: number; miss: number }> {
  const before = await listPageLookupCounts();
  const result = await fn();
  const after = await listPageLookupCounts();
  return { result, hit: after.hit - before.hit, miss: after.miss - before.miss };
}

const versionOf = (who: Practitioner) => versions.readClientListVersion(who.id);

describe("clients-list page cache", () => {
  it("serves an unchanged page from memory: the same bytes, one hit per repeat", async () => {
    const first = await page(alice);
    const repeats = await counted(async () => [await page(alice), await page(alice)]);
    expect(repeats.hit).toBe(2);
    expect(repeats.miss).toBe(0);
    for (const repeat of repeats.result) expect(repeat.text).toBe(first.text);
  });

  it("keys pages by practitioner: the same query from another practitioner never gets the first one's page", async () => {
    await page(alice);
    const { result, hit } = await counted(() => page(bob));
    expect(hit).toBe(0);
    expect(result.body.items).toEqual([]);
  });

  it("keys pages by every query field: another filter, sort or size is its own page", async () => {
    await page(alice, "/api/contacts?sort=name&order=desc");
    const { result, hit } = await counted(() => page(alice, "/api/contacts?sort=name&order=asc&limit=2"));
    expect(hit).toBe(0);
    expect(names(result.body)).toEqual(["Ada Lovelace", "Alan Turing"]);
  });

  // Each write a list page can show (or a search can match), through the API or straight in SQL.
  const writes: {
    what: string;
    write: () => Promise<unknown>;
    url?: string;
    shows: (page: ContactListResponse) => boolean;
  }[] = [
    {
      what: "a new client",
      write: () => alice.expect(201, "POST", "/api/contacts", { displayName: "Katherine Johnson" }),
      shows: (list) => names(list).includes("Katherine Johnson"),
    },
    {
      what: "a client's new stage",
      write: async () => {
        const [ada] = await alice.sql<{ id: string }>(
          sql`select id from public.contacts where display_name = 'Ada Lovelace'`,
        );
        return alice.expect<Contact>(200, "PATCH", `/api/contacts/${ada?.id}`, { lifecycleStage: "VIP Client" });
      },
      shows: (list) =>
        list.items.some((item) => item.displayName === "Ada Lovelace" && item.lifecycleStage === "VIP Client"),
    },
    {
      what: "a tag applied to clients",
      write: async () => {
        const tag = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Deep tissue", color: "#225588" });
        const ids = (await page(alice)).body.items.map((item) => item.id);
        return alice.expect(200, "POST", "/api/contacts/bulk-tag", { ids, tagIds: [tag.id] });
      },
      shows: (list) => list.items.every((item) => item.tags.some((tag) => tag.name === "Deep tissue")),
    },
    {
      what: "a renamed tag",
      write: async () => {
        const [tag] = await alice.sql<{ id: string }>(sql`select id from public.tags where name = 'Deep tissue'`);
        return alice.expect(200, "PATCH", `/api/tags/${tag?.id}`, { name: "Sports massage" });
      },
      shows: (list) => list.items.every((item) => item.tags.some((tag) => tag.name === "Sports massage")),
    },
    {
      what: "a note whose words a search matches",
      url: "/api/contacts?q=scoliosis",
      write: async () => {
        const [grace] = await alice.sql<{ id: string }>(
          sql`select id from public.contacts where display_name = 'Grace Hopper'`,
        );
        return alice.addNote(grace?.id ?? "", "Mild scoliosis, prefers side-lying");
      },
      shows: (list) => names(list).includes("Grace Hopper"),
    },
    {
      what: "a deleted tag",
      write: async () => {
        const [tag] = await alice.sql<{ id: string }>(sql`select id from public.tags where name = 'Sports massage'`);
        return alice.send("DELETE", `/api/tags/${tag?.id}`);
      },
      shows: (list) => list.items.every((item) => item.tags.length === 0),
    },
    {
      what: "a deleted client",
      write: async () => {
        const [alan] = await alice.sql<{ id: string }>(
          sql`select id from public.contacts where display_name = 'Alan Turing'`,
        );
        return alice.send("DELETE", `/api/contacts/${alan?.id}`);
      },
      shows: (list) => !names(list).includes("Alan Turing"),
    },
  ];

  it.each(writes)("shows $what on the next request, never the page from before it", async ({ write, url, shows }) => {
    const before = await page(alice, url);
    expect(shows(before.body)).toBe(false);
    await page(alice, url);
    await write();
    const { result, hit } = await counted(() => page(alice, url));
    expect(hit).toBe(0);
    expect(shows(result.body)).toBe(true);
  });

  it("another practitioner's writes leave the page (and its version) alone", async () => {
    const version = await versionOf(alice);
    await page(alice);
    await bob.expect(201, "POST", "/api/contacts", { displayName: "Someone else's client" });
    const { hit } = await counted(() => page(alice));
    expect(hit).toBe(1);
    expect(await versionOf(alice)).toBe(version);
  });
});

describe("client-list version (migration 0010)", () => {
  it("changes in the writing transaction's commit and not on rollback", async () => {
    const { withSystemDb } = await import("@/server/db");
    const { resultRows } = await import("@/server/db/result-rows");
    const start = await versionOf(alice);
    await withSystemDb("test-writes", async (tx) => {
      for (const name of ["One", "Two", "Three"])
        await tx.execute(sql`insert into public.contacts (user_id, display_name) values (${alice.id}, ${name})`);
      // Still the old version inside the transaction: the change becomes visible with the rows.
      const [inside] = resultRows<{ version: string }>(
        await tx.execute(
          sql`select version::text as version from app_private.client_list_versions where user_id = ${alice.id}`,
        ),
      );
      expect(inside?.version).toBe(start);
    });
    const committed = await versionOf(alice);
    expect(committed).not.toBe(start);
    await expect(
      withSystemDb("test-writes", async (tx) => {
        await tx.execute(sql`insert into public.contacts (user_id, display_name) values (${alice.id}, 'Rolled back')`);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await versionOf(alice)).toBe(committed);
  });

  // Two connections are needed; the embedded database runs one transaction at a time.
  it.runIf(process.env.TEST_DB_KIND === "postgres")(
    "lets a second writer of the same practitioner commit while the first is still open (the version is locked only at commit)",
    async () => {
      const { withUserDb } = await import("@/server/db");
      const [first, second] = (await page(alice)).body.items.map((item) => item.id);
      const start = await versionOf(alice);
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => (firstWrote = resolve));
      const touch = (id: string | undefined) =>
        sql`update public.contacts set referral_source = 'touched' where id = ${id}`;
      const secondWriter = firstHasWritten.then(() => withUserDb(alice.id, (tx) => tx.execute(touch(second))));
      await withUserDb(alice.id, async (tx) => {
        await tx.execute(touch(first));
        firstWrote();
        // Were the version taken by the first statement, the second writer would wait for this transaction, and this one for it.
        await secondWriter;
      });
      expect(await versionOf(alice)).not.toBe(start);
    },
  );

  it("is a practitioner's own: none before their first write, gone with their account", async () => {
    const rows = await systemRows<{ user_id: string }>(sql`select user_id from app_private.client_list_versions`);
    expect(rows.map((row) => row.user_id)).toEqual(expect.arrayContaining([alice.id, bob.id]));
    const [stranger] = await systemRows<{ id: string }>(sql`select gen_random_uuid()::text as id`);
    expect(await versions.readClientListVersion(stranger?.id ?? "")).toBe(versions.NEVER_WRITTEN);
  });
});
