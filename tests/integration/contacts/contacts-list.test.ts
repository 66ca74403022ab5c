import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import { CONTACT_SOURCES, LIFECYCLE_STAGES, type ContactSummary } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;
let prenatal: Tag;

interface Seeded {
  id: string;
  stage: string;
  source: string;
  email: string | null;
  phone: string | null;
  /** Index into DAYS, which is in ascending order. */
  createdDay: number;
  tagged: boolean;
}
const seeded: Seeded[] = [];

/** Few distinct names and timestamps, so every sort has ties that only the id breaks. */
const NAMES = ["Ana Ruiz", "Ben Okafor", "ana ruiz", "Chloé Martin", "Dmitri Volkov", "Ben Okafor"];
const DAYS = [
  "2024-01-01T09:00:00Z",
  "2024-02-01T09:00:00.000001Z",
  "2024-02-01T09:00:00.000002Z",
  "2024-03-15T12:00:00Z",
];
const COUNT = 57;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  prenatal = await alice.expect<Tag>(201, "POST", "/api/tags", { name: "Prenatal", color: "#AA00ff" });
  for (let index = 0; index < COUNT; index += 1) {
    const stage = LIFECYCLE_STAGES[index % LIFECYCLE_STAGES.length] as string;
    const source = CONTACT_SOURCES[index % CONTACT_SOURCES.length] as string;
    const email = index % 2 === 0 ? `client${index}@mail.example` : null;
    const phone = index % 3 === 0 ? `+44 20 7946 ${String(1000 + index)}` : null;
    const createdDay = index % DAYS.length;
    const createdAt = DAYS[createdDay] as string;
    const lastVisit = index % 4 === 0 ? null : DAYS[(index + 1) % DAYS.length];
    const [row] = await alice.sql<{ id: string }>(sql`
      insert into public.contacts (user_id, display_name, email, phone, lifecycle_stage, source, created_at, updated_at, last_visit_at)
      values (${alice.id}, ${NAMES[index % NAMES.length]}, ${email}, ${phone}, ${stage}, ${source}, ${createdAt},
              ${DAYS[(index + 2) % DAYS.length]}, ${lastVisit ?? null})
      returning id`);
    seeded.push({ id: row?.id ?? "", stage, source, email, phone, createdDay, tagged: index % 5 === 0 });
  }
  await alice.expect(200, "POST", "/api/contacts/bulk-tag", {
    ids: seeded.filter((client) => client.tagged).map((client) => client.id),
    tagIds: [prenatal.id],
  });
  // Another practitioner's look-alike clients must never appear in Alice's lists.
  for (const [index, name] of ["Ana Ruiz", "Zoe Bob"].entries()) {
    await bob.expect(201, "POST", "/api/contacts", { displayName: name, email: `client${index * 2}@mail.example` });
  }
});

/** Every id the list returns for a query string, following nextCursor to the end. */
async function walk(who: Practitioner, query: string): Promise<ContactSummary[]> {
  const items: ContactSummary[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page += 1) {
    const url = `/api/contacts?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const body: ContactListResponse = await who.expect<ContactListResponse>(200, "GET", url);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error("pagination did not end");
}

const ORDER_SQL = {
  name: sql`display_name`,
  created: sql`created_at`,
  updated: sql`updated_at`,
  lastVisit: sql`coalesce(last_visit_at, '-infinity'::timestamptz)`,
};

describe("keyset pagination", () => {
  for (const sort of Object.keys(ORDER_SQL) as (keyof typeof ORDER_SQL)[]) {
    for (const order of ["asc", "desc"] as const) {
      it(`walks every client exactly once, in order, sorted by ${sort} ${order}`, async () => {
        const direction = sql.raw(order);
        const expected = await alice.sql<{ id: string }>(
          sql`select id from public.contacts order by ${ORDER_SQL[sort]} ${direction}, id ${direction}`,
        );
        for (const limit of [1, 7, 100]) {
          const ids = (await walk(alice, `sort=${sort}&order=${order}&limit=${limit}`)).map((client) => client.id);
          expect(ids).toEqual(expected.map((row) => row.id));
        }
      });
    }
  }

  it("defaults to name order, 50 a page", async () => {
    const first = await alice.expect<ContactListResponse>(200, "GET", "/api/contacts");
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await alice.expect<ContactListResponse>(
      200,
      "GET",
      `/api/contacts?cursor=${encodeURIComponent(first.nextCursor ?? "")}`,
    );
    expect(rest.items).toHaveLength(COUNT - 50);
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses a cursor that was edited or belongs to another sort, and page sizes over 100", async () => {
    const page = await alice.expect<ContactListResponse>(200, "GET", "/api/contacts?sort=created&limit=2");
    const cursor = page.nextCursor ?? "";
    await expectError((await alice.send("GET", `/api/contacts?sort=name&limit=2&cursor=${cursor}`)).response, 400);
    await expectError((await alice.send("GET", `/api/contacts?sort=created&order=asc&cursor=${cursor}`)).response, 400);
    const forged = Buffer.from(
      JSON.stringify({ s: "created", o: "desc", k: ["2024-02-30 00:00:00+00"], id: seeded[0]?.id }),
    ).toString("base64url");
    await expectError((await alice.send("GET", `/api/contacts?sort=created&cursor=${forged}`)).response, 400);
    await expectError((await alice.send("GET", "/api/contacts?cursor=%%%")).response, 400);
    await expectError((await alice.send("GET", "/api/contacts?limit=101")).response, 422);
    await expectError((await alice.send("GET", "/api/contacts?sort=relevance")).response, 422);
  });
});

/** Each filter as a query string and the clients it must return, worked out from what was inserted. */
const FILTER_CASES: [string, (client: Seeded) => boolean][] = [
  ["stage=VIP%20Client", (client) => client.stage === "VIP Client"],
  ["stage=Prospect,Lost%20Client", (client) => client.stage === "Prospect" || client.stage === "Lost Client"],
  ["source=import", (client) => client.source === "import"],
  ["hasEmail=true", (client) => client.email !== null],
  ["hasEmail=false", (client) => client.email === null],
  ["hasPhone=true", (client) => client.phone !== null],
  ["hasPhone=false&hasEmail=true", (client) => client.phone === null && client.email !== null],
  ["createdFrom=2024-02-01T09:00:00Z", (client) => client.createdDay >= 1],
  ["createdFrom=2024-02-01T10:00:00%2B01:00", (client) => client.createdDay >= 1],
  ["createdTo=2024-02-01T09:00:00Z", (client) => client.createdDay === 0],
  ["createdTo=2024-02-01T09:00:00.001Z", (client) => client.createdDay <= 2],
  [
    "createdFrom=2024-02-01T00:00:00Z&createdTo=2024-03-01T00:00:00Z&stage=Core%20Client",
    (client) => (client.createdDay === 1 || client.createdDay === 2) && client.stage === "Core Client",
  ],
];

describe("filters are applied by the server", () => {
  it("the tag filter returns exactly the tagged clients", async () => {
    const ids = (await walk(alice, `tag=${prenatal.id}&limit=5`)).map((client) => client.id).sort();
    const expected = seeded.filter((client) => client.tagged).map((client) => client.id);
    expect(ids).toEqual(expected.sort());
    expect(ids.length).toBeGreaterThan(5);
    const count = await alice.expect<{ count: number }>(200, "GET", `/api/contacts/count?tag=${prenatal.id}`);
    expect(count.count).toBe(expected.length);
  });

  for (const [query, matches] of FILTER_CASES) {
    it(`${query} returns exactly the matching clients, and count agrees`, async () => {
      const expected = seeded
        .filter(matches)
        .map((client) => client.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(COUNT);
      const listed = (await walk(alice, `${query}&limit=4`)).map((client) => client.id).sort();
      expect(listed).toEqual(expected);
      const { count } = await alice.expect<{ count: number }>(200, "GET", `/api/contacts/count?${query}`);
      expect(count).toBe(expected.length);
    });
  }

  it("counts every client without filters, and none for an unknown tag", async () => {
    expect(await alice.expect(200, "GET", "/api/contacts/count")).toEqual({ count: COUNT });
    expect(await alice.expect(200, "GET", `/api/contacts/count?tag=${crypto.randomUUID()}`)).toEqual({ count: 0 });
    await expectError((await alice.send("GET", "/api/contacts/count?stage=Gold")).response, 422);
    await expectError((await alice.send("GET", "/api/contacts/count?hasEmail=yes")).response, 422);
    await expectError((await alice.send("GET", "/api/contacts/count?createdFrom=2024-13-01T00:00:00Z")).response, 422);
  });
});
