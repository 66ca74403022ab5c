import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGoTrue, type FakeGoTrue } from "../../support/fake-gotrue";
import { gotrueDatabaseMirror } from "../../support/gotrue-database-mirror";
import { signedUpBrowser } from "../auth/fixtures";
import { APP_URL, JWT_SECRET } from "../auth/supabase-app";
import { TestBrowser } from "../../support/test-browser";
import { Practitioner, systemRows, type ClientRecordsApi } from "../contacts/client-records-api";
import { loadAccountApi, rowCounts, seedConsent } from "./account-app";

const SECRET_KEY = "sb_secret_test_key";
let gotrue: FakeGoTrue;
let api: ClientRecordsApi;

beforeAll(async () => {
  gotrue = await startFakeGoTrue({ jwtSecret: JWT_SECRET, secretKey: SECRET_KEY, ...gotrueDatabaseMirror() });
  api = await loadAccountApi({
    NEXT_PUBLIC_SUPABASE_URL: gotrue.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "sb_publishable_test_key",
    SUPABASE_SECRET_KEY: SECRET_KEY,
    SUPABASE_JWT_SECRET: JWT_SECRET,
    DATABASE_URL: "postgres://unused@127.0.0.1:9/unused",
    APP_ENCRYPTION_KEYS: `test:${randomBytes(32).toString("base64url")}`,
    APP_URL,
  });
});

afterAll(async () => {
  await gotrue.close();
});

async function practitioner(name: string) {
  const { browser, id, email } = await signedUpBrowser(api.auth, name, new TestBrowser(APP_URL));
  const signedIn = Object.assign(new Practitioner(api, browser, id), { email });
  const { id: contactId } = await signedIn.expect<{ id: string }>(201, "POST", "/api/contacts", {
    displayName: `${name} Client`,
  });
  await signedIn.expect(201, "POST", "/api/tags", { name: `${name}-tag` });
  await seedConsent(signedIn, contactId, name);
  return signedIn;
}

describe("Supabase mode: deleting the account", () => {
  it("deletes the rows, then the GoTrue user through the admin API; files that cannot be deleted yet are queued", async () => {
    const a = await practitioner("Supa-Leaving");
    const b = await practitioner("Supa-Staying");
    const beforeB = await rowCounts(b.id);

    const sent = await a.send("POST", "/api/account/delete", { confirmation: "delete my account" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(gotrue.calls).toContain(`DELETE /admin/users/${a.id}`);
    expect(gotrue.state.users.has(a.id)).toBe(false);
    expect(gotrue.state.users.has(b.id)).toBe(true);
    expect(sent.response.headers.getSetCookie().join("\n")).toMatch(/sb-127-auth-token=;.*Max-Age=0/i);

    expect(Object.entries(await rowCounts(a.id)).filter(([, rows]) => rows > 0)).toEqual([]);
    expect(await systemRows(sql`select 1 from auth.users where id = ${a.id}`)).toEqual([]);
    expect(await rowCounts(b.id)).toEqual(beforeB);

    // The fake serves no storage API, so deleting A's folders fails and is left to the job queue (no user_id).
    const jobs = await systemRows<{ user_id: string | null; payload: { prefixes: string[] } }>(
      sql`select user_id, payload from app_private.jobs where kind = 'storage.delete-objects'`,
    );
    expect(jobs).toContainEqual({ user_id: null, payload: { paths: [], prefixes: [`photos/${a.id}`, a.id] } });

    // The old session is gone with the user.
    expect((await a.send("GET", "/api/contacts")).status).toBe(401);
  });

  it("refuses the admin API without the secret key", async () => {
    const response = await fetch(`${gotrue.url}/auth/v1/admin/users/${crypto.randomUUID()}`, { method: "DELETE" });
    expect(response.status).toBe(403);
  });
});
