import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import { listContactsQuery } from "@/lib/contracts/contact-list";
import type { Contact } from "@/lib/contracts/contacts";
import { getDatabase } from "@/server/db";
import { contactCountStatement, contactPagePlan } from "@/server/services/contacts";
import { explainAsUser } from "../../../scripts/bench/explain";
import { testDbKind } from "../../support/open-test-database";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "./client-records-api";

let alice: Practitioner;
let bob: Practitioner;
const ids: Record<string, string> = {};

async function add(who: Practitioner, key: string, body: Record<string, unknown>, note?: string) {
  const contact = await who.expect<Contact>(201, "POST", "/api/contacts", { ...body, allowDuplicate: true });
  if (note) await who.addNote(contact.id, note);
  if (who === alice) ids[key] = contact.id;
}

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  await add(alice, "annabel", { displayName: "Annabel Lee", lifecycleStage: "VIP Client" });
  await add(alice, "joanne", { displayName: "Joanne Smith" });
  await add(alice, "annette", { displayName: "Mary Annette", email: "m.annette@example.org" });
  await add(alice, "hannahEmail", { displayName: "Bob Stone", email: "Hannah.B@Example.com" });
  await add(
    alice,
    "annualNote",
    { displayName: "Xavier Quinn" },
    "Discussed the annual plan and sciatica on the left side",
  );
  await add(alice, "phone", { displayName: "Priya Shah", phone: "+1 (415) 555-0134" });
  await add(alice, "other", { displayName: "Zed Percent_50%" });
  // Bob has a client matching every query; none of them may reach Alice.
  await add(bob, "", { displayName: "Anna Bob", phone: "415 555 0134", email: "anna@example.org" }, "annual sciatica");
});

async function search(query: string): Promise<string[]> {
  const body = await alice.expect<ContactListResponse>(200, "GET", `/api/contacts?${query}`);
  const count = await alice.expect<{ count: number }>(200, "GET", `/api/contacts/count?${query}`);
  expect(count.count).toBe(body.items.length);
  return body.items.map((client) => client.id);
}

describe("search", () => {
  it("ranks name prefixes, then names containing the text, then email, then notes", async () => {
    expect(await search("q=ann")).toEqual([ids.annabel, ids.annette, ids.joanne, ids.hannahEmail, ids.annualNote]);
  });

  it("finds a client by partial phone digits, however they are typed", async () => {
    for (const query of ["0134", "555-01", "(415) 555", "415.555.0134", "+14155550134"]) {
      expect(await search(`q=${encodeURIComponent(query)}`), query).toEqual([ids.phone]);
    }
  });

  it("finds a client by an email fragment, ignoring case", async () => {
    expect(await search("q=HANNAH.b%40")).toEqual([ids.hannahEmail]);
    expect(await search("q=example.org")).toEqual([ids.annette]);
  });

  it("finds a client by a name fragment anywhere in the name, ignoring case", async () => {
    expect(await search("q=SMIT")).toEqual([ids.joanne]);
    expect(await search("q=ee")).toEqual([ids.annabel]);
  });

  it("finds a client by words of their notes, including word beginnings", async () => {
    expect(await search("q=sciatica")).toEqual([ids.annualNote]);
    expect(await search("q=sciat%20left")).toEqual([ids.annualNote]);
    expect(await search("q=sciatica%20right")).toEqual([]);
  });

  it("treats % and _ as the characters, not wildcards", async () => {
    expect(await search("q=%25")).toEqual([ids.other]);
    expect(await search("q=t_5")).toEqual([ids.other]);
    expect(await search("q=%25%25%25")).toEqual([]);
  });

  it("combines with filters, other sorts and pagination", async () => {
    expect(await search("q=ann&stage=VIP%20Client")).toEqual([ids.annabel]);
    const byCreated = await search("q=ann&sort=created&order=asc");
    expect(byCreated).toEqual([ids.annabel, ids.joanne, ids.annette, ids.hannahEmail, ids.annualNote]);
    const walked: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: ContactListResponse = await alice.expect<ContactListResponse>(
        200,
        "GET",
        `/api/contacts?q=ann&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      walked.push(...page.items.map((client) => client.id));
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(await search("q=ann"));
    const descending: string[] = [];
    for (let cursor: string | null = ""; cursor !== null;) {
      const page: ContactListResponse = await alice.expect<ContactListResponse>(
        200,
        "GET",
        `/api/contacts?q=ann&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      descending.push(...page.items.map((client) => client.id));
      cursor = page.nextCursor;
    }
    expect(descending).toEqual([...walked].reverse());
    expect(await search("q=ann&hasEmail=true")).toEqual([ids.annette, ids.hannahEmail]);
  });

  it("finds rare and common fragments alike when a practitioner has more clients than one scan window", async () => {
    const dave = await signUpPractitioner(alice.api, "Dave");
    await dave.sql(sql`
      insert into public.contacts (user_id, display_name)
      select ${dave.id}::uuid, 'Client ' || lpad(n::text, 5, '0') from generate_series(1, 2600) as n
      union all select ${dave.id}::uuid, name from unnest(array['Aaron Rarefrag', 'Zed Rarefrag', 'Zoe Rarefrag']) as name`);
    const walk = async (query: string) => {
      const ids: string[] = [];
      for (let cursor: string | null = ""; cursor !== null;) {
        const page: ContactListResponse = await dave.expect<ContactListResponse>(
          200,
          "GET",
          `/api/contacts?${query}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        ids.push(...page.items.map((client) => client.id));
        cursor = page.nextCursor;
      }
      return ids;
    };
    const inOrder = async (pattern: string, order: "asc" | "desc") =>
      (
        await dave.sql<{ id: string }>(
          sql`select id from public.contacts where display_name ilike ${pattern}
              order by display_name ${sql.raw(order)}, id ${sql.raw(order)}`,
        )
      ).map((row) => row.id);
    expect(await walk("q=rarefrag&limit=2")).toEqual(await inOrder("%rarefrag%", "asc"));
    expect(await walk("q=rarefrag&limit=2&order=desc")).toEqual(await inOrder("%rarefrag%", "desc"));
    expect(await walk("q=client%200&limit=100")).toEqual(await inOrder("client 0%", "asc"));
    expect(await walk("q=nt%2002&limit=100&order=desc")).toEqual(await inOrder("%nt 02%", "desc"));
  });

  it.runIf(testDbKind() === "postgres")(
    "reads the trigram and full-text indexes when a practitioner has many clients",
    async () => {
      const carol = await signUpPractitioner(alice.api, "Carol");
      await carol.sql(sql`
        insert into public.contacts (user_id, display_name, email, phone)
        select ${carol.id}, 'Client ' || n || ' ' || md5(n::text), 'c' || n || '@mail.example', '555' || n
          from generate_series(1, 20000) as n`);
      await carol.sql(sql`
        insert into public.notes (user_id, contact_id, body_text)
        select user_id, id, 'Session ' || md5(id::text) from public.contacts where user_id = ${carol.id}`);
      // VACUUM also merges the GIN pending lists of a bulk insert, as autovacuum would in time.
      const database = (await getDatabase()) as Awaited<ReturnType<typeof getDatabase>> & { url?: string };
      await database.sql.query("vacuum analyze public.contacts, public.notes");

      const plan = contactPagePlan(carol.id, listContactsQuery.parse({ q: "annual" }));
      const plans: string[] = [];
      for (const { query } of plan.steps)
        plans.push(await explainAsUser(database.url ?? "", carol.id, query(51), { analyze: true }));
      // The count (and the other sorts, and bulk actions by filter) match any rank in one condition:
      // one BitmapOr over the same indexes, never a scan folding every client's name and email.
      const count = await explainAsUser(
        database.url ?? "",
        carol.id,
        contactCountStatement(carol.id, { q: "annual" }),
        {
          analyze: true,
        },
      );
      expect(count).toContain("BitmapOr");
      expect(count).not.toMatch(/Seq Scan on contacts/);
      plans.push(count);
      const text = plans.join("\n");
      const indexes = [
        "contacts_display_name_folded_trgm_idx",
        "contacts_email_folded_trgm_idx",
        "notes_body_text_folded_search_idx",
      ];
      for (const index of indexes) expect(text).toContain(index);
    },
  );
});

describe("search ignoring accents", () => {
  let frida: Practitioner;
  const clients: Record<string, string> = {};

  beforeAll(async () => {
    frida = await signUpPractitioner(alice.api, "Frida");
    const addClient = async (key: string, body: Record<string, unknown>, note?: string) => {
      const contact = await frida.expect<Contact>(201, "POST", "/api/contacts", body);
      if (note) await frida.addNote(contact.id, note);
      clients[key] = contact.id;
    };
    await addClient("angstrom", { displayName: "Karin Ångström" });
    await addClient("zoe", { displayName: "Zoë Adams" });
    await addClient("zoePlain", { displayName: "Zoe Baker" });
    await addClient("mullerNote", { displayName: "Paul Weber" }, "Referred by Dr. Müller for réflexologie");
    // The contract's email check takes ASCII addresses only; an imported or older address may not be.
    const [row] = await frida.sql<{ id: string }>(sql`
      insert into public.contacts (user_id, display_name, email)
      values (${frida.id}::uuid, 'Ines Braun', 'Hans.Müller@Example.de') returning id`);
    clients.mullerEmail = row?.id ?? "";
  });

  async function fridaSearch(query: string): Promise<string[]> {
    const body = await frida.expect<ContactListResponse>(200, "GET", `/api/contacts?q=${encodeURIComponent(query)}`);
    const count = await frida.expect<{ count: number }>(
      200,
      "GET",
      `/api/contacts/count?q=${encodeURIComponent(query)}`,
    );
    expect(count.count, query).toBe(body.items.length);
    return body.items.map((client) => client.id);
  }

  it("finds a name typed without its accents, or with them", async () => {
    for (const query of ["angstrom", "ANGSTROM", "Ångström", "strom", "karin angs"])
      expect(await fridaSearch(query), query).toEqual([clients.angstrom]);
    for (const query of ["zoe", "Zoë", "ZOË"])
      expect((await fridaSearch(query)).sort(), query).toEqual([clients.zoe, clients.zoePlain].sort());
  });

  it("finds an email and note words typed without accents, ranking the email first", async () => {
    expect(await fridaSearch("muller")).toEqual([clients.mullerEmail, clients.mullerNote]);
    expect(await fridaSearch("hans.muller@")).toEqual([clients.mullerEmail]);
    expect(await fridaSearch("reflexo")).toEqual([clients.mullerNote]);
    expect(await fridaSearch("RÉFLEXOLOGIE müller")).toEqual([clients.mullerNote]);
  });

  it("keeps every sort and the count accent-insensitive", async () => {
    const byName = await frida.expect<ContactListResponse>(200, "GET", "/api/contacts?q=zoe&sort=name");
    expect(byName.items.map((client) => client.id).sort()).toEqual([clients.zoe, clients.zoePlain].sort());
    const count = await frida.expect<{ count: number }>(200, "GET", "/api/contacts/count?q=muller");
    expect(count.count).toBe(2);
  });
});
