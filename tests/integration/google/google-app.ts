import { sql } from "drizzle-orm";
import { afterAll, expect } from "vitest";
import { signedUpBrowser, temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes } from "../auth/load-auth-routes";
import { Practitioner, systemRows, type ClientRecordsApi } from "../contacts/client-records-api";
import { startFakeGoogle, type FakeGoogle } from "../../support/fake-google";
import { TestBrowser } from "../../support/test-browser";

export interface GoogleApp {
  api: ClientRecordsApi;
  google: FakeGoogle;
}

/** The app on a data directory of its own with Google configured against a local fake Google. */
export async function loadGoogleApp(): Promise<GoogleApp> {
  const google = await startFakeGoogle();
  afterAll(() => google.close());
  const auth = await loadAuthRoutes({
    DATA_DIR: temporaryDataDir(),
    NEXT_PUBLIC_SUPABASE_URL: undefined,
    GOOGLE_CLIENT_ID: google.state.clientId,
    GOOGLE_CLIENT_SECRET: google.state.clientSecret,
    GOOGLE_BASE_URL: google.url,
  });
  return { api: { auth }, google };
}

export async function signUp(app: GoogleApp, name: string): Promise<Practitioner & { email: string }> {
  const { browser, id, email } = await signedUpBrowser(app.api.auth, name, new TestBrowser());
  return Object.assign(new Practitioner(app.api, browser, id), { email });
}

/** Follows Connect Google to the fake consent screen; returns the callback path (with code and state) Google sends back. */
export async function consentFor(app: GoogleApp, practitioner: Practitioner): Promise<string> {
  const start = await practitioner.browser.call("GET", "/api/integrations/google/connect");
  expect(start.status).toBe(302);
  const consent = await fetch(start.headers.get("location") ?? "", { redirect: "manual" });
  const back = new URL(consent.headers.get("location") ?? "");
  expect(back.origin).toBe("http://localhost:3000");
  return `${back.pathname}${back.search}`;
}

/** Runs the callback and returns the outcome code Settings → Integrations is opened with. */
export async function finishConnect(practitioner: Practitioner, callbackPath: string): Promise<string | null> {
  const response = await practitioner.browser.call("GET", callbackPath);
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.pathname).toBe("/settings/integrations");
  return location.searchParams.get("google");
}

export async function connect(app: GoogleApp, practitioner: Practitioner): Promise<string | null> {
  return finishConnect(practitioner, await consentFor(app, practitioner));
}

export async function connectionOf(userId: string) {
  const [row] = await systemRows<{
    id: string;
    status: string;
    status_reason: string | null;
    history_id: string | null;
    access_token_enc: string | null;
    refresh_token_enc: string | null;
    messages_imported: number;
    stale_history_resyncs: number;
  }>(
    sql`select *, messages_imported::int as messages_imported, stale_history_resyncs::int as stale_history_resyncs
          from public.google_connections where user_id = ${userId}`,
  );
  return row;
}

/** Runs every due job once through the real worker (the gmail sync included). */
export async function runJobs(): Promise<void> {
  const { processDueJobs } = await import("@/server/jobs");
  await processDueJobs({ schedule: false, maxPasses: 5 });
}

/** Runs the sync of one connection directly, with fast client retries. */
export async function syncNow(connectionId: string): Promise<unknown> {
  const { syncGmail } = await import("@/server/services/gmail-sync");
  return syncGmail(
    { connectionId },
    { signal: new AbortController().signal, heartbeat: async () => {} },
    { retry: { retries: 1, baseDelayMs: 5 } },
  ).catch((error: unknown) => error);
}

export async function createClient(practitioner: Practitioner, displayName: string, email: string): Promise<string> {
  const body = await practitioner.expect<{ id: string }>(201, "POST", "/api/contacts", { displayName, email });
  return body.id;
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
