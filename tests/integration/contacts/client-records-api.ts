import { sql as drizzleSql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { signedUpBrowser, temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes, type AuthRoutes } from "../auth/load-auth-routes";
import type { TestBrowser } from "../auth/test-browser";

type Handler = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>;

/** The client-record routes by URL pattern, the way Next's router would pick them. */
interface RouteEntry {
  pattern: RegExp;
  module: RouteModule;
}

export interface ClientRecordsApi {
  auth: AuthRoutes;
  routes: RouteEntry[];
}

/** Loads the auth routes (own data dir, embedded auth) and every client-record route in the same module graph. */
export async function loadClientRecordsApi(): Promise<ClientRecordsApi> {
  const auth = await loadAuthRoutes({ DATA_DIR: temporaryDataDir(), NEXT_PUBLIC_SUPABASE_URL: undefined });
  const [contacts, count, bulkDelete, bulkTag, merge, contact, tags, tag, pairs, duplicates, dismissals] =
    await Promise.all([
      import("@/app/api/contacts/route"),
      import("@/app/api/contacts/count/route"),
      import("@/app/api/contacts/bulk-delete/route"),
      import("@/app/api/contacts/bulk-tag/route"),
      import("@/app/api/contacts/[id]/merge/route"),
      import("@/app/api/contacts/[id]/route"),
      import("@/app/api/tags/route"),
      import("@/app/api/tags/[id]/route"),
      import("@/app/api/contacts/duplicates/route"),
      import("@/app/api/contacts/[id]/duplicates/route"),
      import("@/app/api/contacts/[id]/duplicates/dismissals/route"),
    ]);
  const routes: RouteEntry[] = [
    { pattern: /^\/api\/contacts$/, module: contacts },
    { pattern: /^\/api\/contacts\/count$/, module: count },
    { pattern: /^\/api\/contacts\/bulk-delete$/, module: bulkDelete },
    { pattern: /^\/api\/contacts\/bulk-tag$/, module: bulkTag },
    { pattern: /^\/api\/contacts\/duplicates$/, module: pairs },
    { pattern: /^\/api\/contacts\/(?<id>[^/]+)\/duplicates$/, module: duplicates },
    { pattern: /^\/api\/contacts\/(?<id>[^/]+)\/duplicates\/dismissals$/, module: dismissals },
    { pattern: /^\/api\/contacts\/(?<id>[^/]+)\/merge$/, module: merge },
    { pattern: /^\/api\/contacts\/(?<id>[^/]+)$/, module: contact },
    { pattern: /^\/api\/tags$/, module: tags },
    { pattern: /^\/api\/tags\/(?<id>[^/]+)$/, module: tag },
  ];
  return { auth, routes };
}

export interface Sent {
  status: number;
  body: unknown;
  response: Response;
}

/** A signed-in practitioner calling the API through the route handlers with real Requests. */
export class Practitioner {
  constructor(
    readonly api: ClientRecordsApi,
    readonly browser: TestBrowser,
    readonly id: string,
  ) {}

  async send(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<Sent> {
    const pathname = new URL(url, "http://localhost").pathname;
    const entry = this.api.routes.find((route) => route.pattern.test(pathname));
    const handler = entry?.module[method];
    if (!entry || !handler) throw new Error(`no route handles ${method} ${pathname}`);
    const params = Object.fromEntries(
      Object.entries(entry.pattern.exec(pathname)?.groups ?? {}).map(([name, value]) => [
        name,
        decodeURIComponent(value),
      ]),
    );
    const response = await handler(this.browser.request(method, url, body === undefined ? {} : { body }), {
      params: Promise.resolve(params),
    });
    this.browser.remember(response);
    const text = await response.clone().text();
    return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as unknown), response };
  }

  /** Sends and asserts the status, returning the JSON body typed as the caller expects. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<T> {
    const sent = await this.send(method, url, body);
    expect(sent.status, `${method} ${url} → ${JSON.stringify(sent.body)}`).toBe(status);
    return sent.body as T;
  }

  /** Raw SQL as this practitioner under row level security. */
  async sql<Row = Record<string, unknown>>(statement: SQL): Promise<Row[]> {
    const { withUserDb } = await import("@/server/db");
    const { resultRows } = await import("@/server/db/result-rows");
    return withUserDb(this.id, async (tx) => resultRows<Row>(await tx.execute(statement)));
  }

  /** Writes a note the way the notes service will (its routes come later), under row level security. */
  async addNote(contactId: string, bodyText: string): Promise<string> {
    const [row] = await this.sql<{ id: string }>(
      drizzleSql`insert into public.notes (user_id, contact_id, body_text) values (${this.id}, ${contactId}, ${bodyText}) returning id`,
    );
    return row?.id ?? "";
  }
}

export async function signUpPractitioner(api: ClientRecordsApi, name: string): Promise<Practitioner> {
  const { browser, id } = await signedUpBrowser(api.auth, name);
  return new Practitioner(api, browser, id);
}

/** A privileged read of the whole database, to prove nothing changed behind the API's back. */
export async function systemRows<Row = Record<string, unknown>>(statement: SQL): Promise<Row[]> {
  const { withSystemDb } = await import("@/server/db");
  const { resultRows } = await import("@/server/db/result-rows");
  return withSystemDb("test-inspection", async (tx) => resultRows<Row>(await tx.execute(statement)));
}

/** Every client-record row of one practitioner, for before/after comparisons. */
export async function snapshotOf(userId: string): Promise<unknown> {
  return {
    contacts: await systemRows(drizzleSql`select * from public.contacts where user_id = ${userId} order by id`),
    tags: await systemRows(drizzleSql`select * from public.tags where user_id = ${userId} order by id`),
    links: await systemRows(
      drizzleSql`select * from public.contact_tags where user_id = ${userId} order by contact_id, tag_id`,
    ),
    notes: await systemRows(drizzleSql`select * from public.notes where user_id = ${userId} order by id`),
  };
}
