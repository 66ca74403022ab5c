import type { SQL } from "drizzle-orm";
import { expect } from "vitest";
import type { ClientConsent, ConsentDocument } from "@/lib/contracts/consents";
import { signedUpBrowser } from "../auth/fixtures";
import { loadAuthRoutes } from "../auth/load-auth-routes";
import type { TestBrowser } from "../../support/test-browser";

type NextRoute = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Practitioner {
  id: string;
  browser: TestBrowser;
}

/** The consent routes and services, loaded after the auth harness so every module shares one configuration. */
export async function loadConsentsApp(dataDir: string) {
  const auth = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
  const [documents, versions, historyRoute, withdraw, record, consents, contactsService, database, rows] =
    await Promise.all([
      import("@/app/api/consent-documents/route"),
      import("@/app/api/consent-documents/[kind]/versions/route"),
      import("@/app/api/contacts/[id]/consents/route"),
      import("@/app/api/contacts/[id]/consents/withdraw/route"),
      import("@/app/api/contacts/[id]/consents/[consentId]/route"),
      import("@/server/services/consents"),
      import("@/server/services/contacts"),
      import("@/server/db"),
      import("@/server/db/result-rows"),
    ]);
  const routes = {
    listDocuments: documents.GET as NextRoute,
    publishDocument: documents.POST as NextRoute,
    listVersions: versions.GET as NextRoute,
    listConsents: historyRoute.GET as NextRoute,
    withdraw: withdraw.POST as NextRoute,
    getConsent: record.GET as NextRoute,
  };

  async function signUp(name: string): Promise<Practitioner> {
    return signedUpBrowser(auth, name);
  }

  async function addClient(practitioner: Practitioner, displayName: string): Promise<string> {
    const input = contactsService.createContactInput.parse({ displayName });
    return (await contactsService.createContact({ userId: practitioner.id }, { ...input, allowDuplicate: true })).id;
  }

  /** Calls a route handler the way Next does: a real Request plus the dynamic segments. */
  function call(
    practitioner: Practitioner,
    handler: NextRoute,
    method: string,
    path: string,
    options: { params?: Record<string, string>; body?: unknown } = {},
  ): Promise<Response> {
    const request = practitioner.browser.request(
      method,
      path,
      options.body === undefined ? {} : { body: options.body },
    );
    return handler(request, { params: Promise.resolve(options.params ?? {}) });
  }

  /** Current documents as the API gives them. */
  async function currentDocuments(practitioner: Practitioner): Promise<ConsentDocument[]> {
    const response = await call(practitioner, routes.listDocuments, "GET", "/api/consent-documents");
    return (await jsonFrom<{ documents: ConsentDocument[] }>(response)).documents;
  }

  /** What the intake submission does: the client's answers on the current versions, in one transaction. */
  async function grantAll(practitioner: Practitioner, contactId: string, decline: string[] = []) {
    const documents = await currentDocuments(practitioner);
    return database.withSystemDb("consents-test", (tx) =>
      consents.appendClientConsents(
        tx,
        practitioner.id,
        documents.map((document) => ({
          contactId,
          documentId: document.id,
          decision: decline.includes(document.kind) ? ("declined" as const) : ("granted" as const),
          signatureName: "Casey Client",
          source: "intake" as const,
          ip: "203.0.113.7",
          userAgent: "IntakeTest/1.0",
        })),
      ),
    );
  }

  async function history(practitioner: Practitioner, contactId: string): Promise<ClientConsent[]> {
    const response = await call(practitioner, routes.listConsents, "GET", `/api/contacts/${contactId}/consents`, {
      params: { id: contactId },
    });
    return (await jsonFrom<{ consents: ClientConsent[] }>(response)).consents;
  }

  /** Raw SQL as the practitioner, under row level security. */
  function asUser<Row>(userId: string, statement: SQL): Promise<Row[]> {
    return database.withUserDb(userId, async (tx) => rows.resultRows<Row>(await tx.execute(statement)));
  }

  /** Raw SQL on the privileged connection (the owner: what a script or a bug outside RLS could do). */
  function asSystem<Row>(statement: SQL): Promise<Row[]> {
    return database.withSystemDb("consents-test", async (tx) => rows.resultRows<Row>(await tx.execute(statement)));
  }

  return {
    routes,
    consents,
    contactsService,
    database,
    signUp,
    addClient,
    call,
    currentDocuments,
    grantAll,
    history,
    asUser,
    asSystem,
  };
}

export type ConsentsApp = Awaited<ReturnType<typeof loadConsentsApp>>;

export async function jsonFrom<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** SQLSTATE of a refused statement, however the driver wraps it; undefined when it was not refused. */
export async function refusal(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    return "unknown";
  }
  return undefined;
}
