import { sql as drizzleSql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { signedUpBrowser, temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes, type AuthRoutes } from "../auth/load-auth-routes";
import type { TestBrowser } from "../../support/test-browser";

export interface ClientRecordsApi {
  auth: AuthRoutes;
}

/** Loads the auth routes (own data dir, embedded auth); every other route resolves by URL when called. */
export async function loadClientRecordsApi(): Promise<ClientRecordsApi> {
  const auth = await loadAuthRoutes({ DATA_DIR: temporaryDataDir(), NEXT_PUBLIC_SUPABASE_URL: undefined });
  return { auth };
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

  async send(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<Sent> {
    const response = await this.browser.call(method, url, body === undefined ? {} : { body });
    const text = await response.clone().text();
    return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as unknown), response };
  }

  /** Sends and asserts the status, returning the JSON body typed as the caller expects. */
  async expect<T = Record<string, unknown>>(
    status: number,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
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
