import { randomBytes } from "node:crypto";
import { listContactsQuery } from "@/lib/contracts/contact-list";
import { hashPassword } from "@/server/auth/embedded/password";
import { isSchemaCurrent } from "@/server/db/migrator";
import { openPostgres } from "@/server/db/postgres-driver";
import { contactPagePlan, type PageQuery } from "@/server/services/contacts/contact-statements";
import { seedClients, vacuumClientRecords } from "../seed/seed-client-records";
import { createPractitioner } from "../seed/seed-practitioners";
import { cookieHeader } from "./account";
import { explainAsUser } from "./explain";

export interface ClientDataOptions {
  url: string;
  /** Clients of the practitioner the benchmark signs in as. */
  contacts: number;
  /** Other practitioners and their clients, so every query has other tenants' rows to skip. */
  otherPractitioners: number;
  otherContacts: number;
  log: (line: string) => void;
}

export interface ClientData {
  email: string;
  password: string;
  userId: string;
  /** One of the practitioner's clients, for GET /api/contacts/:id. */
  contactId: string;
  /** Deletes every practitioner the run created (their clients, tags and notes cascade). */
  remove: () => Promise<void>;
}

/** Practitioners created for this run only, each seeded with realistic clients, tags and notes. */
export async function seedClientData(options: ClientDataOptions): Promise<ClientData> {
  const handle = openPostgres({ url: options.url, max: 2 });
  const created: string[] = [];
  const remove = async (database = handle) => {
    if (created.length > 0) await database.sql.query("delete from auth.users where id = any($1::uuid[])", [created]);
  };
  try {
    if (!(await isSchemaCurrent(handle.sql))) throw new Error("Migrations are pending: run npm run db:migrate first");
    const password = randomBytes(18).toString("base64url");
    const passwordHash = await hashPassword(password);
    const tag = randomBytes(4).toString("hex");
    const email = `bench-clients-${tag}@example.test`;
    const userId = await createPractitioner(handle.sql, { email, passwordHash, displayName: "Bench Practitioner" });
    created.push(userId);
    const plan = [{ userId, contacts: options.contacts }];
    for (let index = 1; index <= options.otherPractitioners; index += 1) {
      const otherEmail = `bench-other-${tag}-${index}@example.test`;
      const otherId = await createPractitioner(handle.sql, { email: otherEmail, passwordHash, displayName: "Other" });
      created.push(otherId);
      plan.push({ userId: otherId, contacts: options.otherContacts });
    }
    for (const { userId: owner, contacts } of plan) {
      const started = performance.now();
      const counts = await seedClients(handle.sql, {
        userId: owner,
        contacts,
        maxNotesPerClient: 2,
        batchSize: 10_000,
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      options.log(
        `seeded ${counts.contacts} clients, ${counts.tagLinks} tag links, ${counts.notes} notes in ${seconds} s`,
      );
    }
    await vacuumClientRecords(handle.sql);
    const [contact] = await handle.sql.query<{ id: string }>(
      "select id from public.contacts where user_id = $1 order by id limit 1 offset $2",
      [userId, Math.floor(options.contacts / 2)],
    );
    return {
      email,
      password,
      userId,
      contactId: contact?.id ?? "",
      remove: async () => {
        const cleanup = openPostgres({ url: options.url, max: 1 });
        try {
          await remove(cleanup);
        } finally {
          await cleanup.close();
        }
      },
    };
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Signs in through the app (the proxy's same-origin rules apply) and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return cookieHeader(response.headers.getSetCookie());
}

const INDEX_NAME = /(?:using|on) ([a-z_]+_(?:idx|key|pkey))/g;

/**
 * EXPLAIN (ANALYZE) of the first list page and of a search, exactly as the service builds them, run
 * as the practitioner under row level security: the plans and the indexes they read. A search's
 * first step is a walk of the name index (what a common fragment uses); its trigram lookup, used
 * for rare fragments, is shown as well.
 */
export async function explainClientQueries(url: string, userId: string, search: string): Promise<string[]> {
  const list = contactPagePlan(userId, listContactsQuery.parse({})).steps[0];
  const found = contactPagePlan(userId, listContactsQuery.parse({ q: search })).steps[0];
  const queries: [string, PageQuery | undefined][] = [
    ["GET /api/contacts (first page)", list?.query],
    [`GET /api/contacts?q=${search} (name-index walk)`, found?.walk ?? found?.query],
    [`GET /api/contacts?q=${search} (trigram lookup, for rare fragments)`, found?.query],
  ];
  const lines: string[] = [];
  for (const [label, query] of queries) {
    if (!query) continue;
    const plan = await explainAsUser(url, userId, query(51), { analyze: true });
    const indexes = [...new Set([...plan.matchAll(INDEX_NAME)].map((match) => match[1]))];
    lines.push(`EXPLAIN ANALYZE ${label} — indexes used: ${indexes.join(", ") || "none"}`, plan, "");
  }
  return lines;
}
