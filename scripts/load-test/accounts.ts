import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cookieHeader } from "../bench/account";

/** One practitioner of the load test: a session and a client record of their own to read. */
export interface LoadAccount {
  cookie: string;
  contactId: string;
}

interface Credentials {
  email: string;
  password: string;
}

/** The per-user API limit is 300 requests a minute: four users of one second's think time fit in it. */
export const USERS_PER_ACCOUNT = 4;

/**
 * A simulated client address per account (TEST-NET-2, a documentation range: a header value, never a
 * destination), so a local instance's per-IP sign-up limit sees separate practitioners.
 */
const clientAddress = (index: number) => `198.51.100.${(index % 254) + 1}`;

async function post(baseUrl: string, route: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
}

async function failure(response: Response, what: string): Promise<Error> {
  return new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
}

async function signedIn(baseUrl: string, credentials: Credentials, index: number, signUp: boolean): Promise<string> {
  const address = { "x-forwarded-for": clientAddress(index) };
  if (signUp) {
    const created = await post(baseUrl, "/api/auth/sign-up", { ...credentials, displayName: `Load ${index}` }, address);
    if (created.status !== 201 && created.status !== 200) throw await failure(created, "load-test sign-up failed");
    const cookie = cookieHeader(created.headers.getSetCookie());
    if (cookie) return cookie;
  }
  const session = await post(baseUrl, "/api/auth/sign-in", credentials, address);
  if (!session.ok) throw await failure(session, "load-test sign-in failed");
  return cookieHeader(session.headers.getSetCookie());
}

async function firstContact(baseUrl: string, cookie: string, index: number): Promise<string> {
  const created = await post(
    baseUrl,
    "/api/contacts",
    { displayName: `Load client ${index}`, allowDuplicate: true },
    { cookie },
  );
  if (created.status !== 201) throw await failure(created, "creating the load-test client failed");
  const body = (await created.json()) as { id?: string; contact?: { id?: string } };
  const id = body.contact?.id ?? body.id;
  if (!id) throw new Error("POST /api/contacts answered without an id");
  return id;
}

/**
 * The practitioners the scenarios act as: fresh accounts signed up here, or (for a deployment whose
 * sign-up limit sees one address) existing ones listed in a JSON file of `{ email, password }`.
 */
export async function prepareAccounts(baseUrl: string, count: number, accountsFile?: string): Promise<LoadAccount[]> {
  const existing = accountsFile ? (JSON.parse(readFileSync(accountsFile, "utf8")) as Credentials[]) : undefined;
  const total = existing?.length ?? count;
  const accounts: LoadAccount[] = [];
  for (let index = 0; index < total; index++) {
    const credentials = existing?.[index] ?? {
      email: `load-${randomBytes(6).toString("hex")}@example.test`,
      password: randomBytes(18).toString("base64url"),
    };
    const cookie = await signedIn(baseUrl, credentials, index, !existing);
    accounts.push({ cookie, contactId: await firstContact(baseUrl, cookie, index) });
  }
  return accounts;
}
