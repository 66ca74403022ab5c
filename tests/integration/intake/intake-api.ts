import { sql as drizzleSql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { INTAKE_LINK_UNAVAILABLE, type CreatedIntakeLink, type IntakeSubmissionInput } from "@/lib/contracts/intake";
import { temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes } from "../auth/load-auth-routes";
import { nextCallerIp } from "../../support/test-browser";
import {
  signUpPractitioner,
  systemRows,
  type ClientRecordsApi,
  type Practitioner,
} from "../contacts/client-records-api";
import { callerAddressHeaders } from "../../support/caller-address";

type Handler = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface IntakeApi extends ClientRecordsApi {
  submitRoute: Handler;
}

/** The auth routes on a data directory of the suite's own, plus the public submission handler; other routes resolve by URL. */
export async function loadIntakeApi(variables: Record<string, string | undefined> = {}): Promise<IntakeApi> {
  const auth = await loadAuthRoutes({
    DATA_DIR: temporaryDataDir(),
    NEXT_PUBLIC_SUPABASE_URL: undefined,
    ...variables,
  });
  const { POST: submitRoute } = await import("@/app/api/onboard/[token]/route");
  return { auth, submitRoute };
}

export { signUpPractitioner, systemRows, type Practitioner };

/** Creates a link through the API and returns it with its raw token. */
export async function createLink(
  practitioner: Practitioner,
  input: { label?: string; expiresInHours?: number; maxUses?: number } = {},
): Promise<CreatedIntakeLink & { token: string }> {
  const created = await practitioner.expect<CreatedIntakeLink>(201, "POST", "/api/intake-links", {
    label: "Intake",
    ...input,
  });
  const token = new URL(created.url).pathname.split("/").pop() ?? "";
  return { ...created, token };
}

/** A complete, valid form. */
export function intakeForm(overrides: Partial<IntakeSubmissionInput> = {}): IntakeSubmissionInput {
  return {
    firstName: "Rosa",
    lastName: "Lindqvist",
    email: "rosa@example.com",
    phone: "+46 70 123 4567",
    dateOfBirth: "1988-04-02",
    address: { line1: "Storgatan 1", city: "Umeå", country: "Sweden" },
    emergencyContact: { name: "Erik Lindqvist", relation: "Brother", phone: "+46 70 765 4321" },
    healthContext: { conditions: ["asthma"], allergies: ["latex"], medications: [], contraindications: [] },
    preferences: { preferredChannel: "email", remindersOptIn: true },
    consents: [],
    signature: { typedName: "Rosa Lindqvist" },
    ...overrides,
  };
}

/** Posts an intake form the way the public page does: multipart with a JSON `payload` and an optional photo. */
export function submissionRequest(
  token: string,
  form: unknown,
  options: { photo?: Uint8Array; ip?: string; headers?: Record<string, string> } = {},
): Request {
  const body = new FormData();
  body.set("payload", JSON.stringify(form));
  if (options.photo)
    body.set("photo", new Blob([options.photo as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }), "me.jpg");
  return new Request(`http://localhost:3000/api/onboard/${token}`, {
    method: "POST",
    body,
    headers: { "user-agent": "vitest", ...callerAddressHeaders(options.ip ?? nextCallerIp()), ...options.headers },
  });
}

export async function submit(
  api: IntakeApi,
  token: string,
  form: unknown,
  options: Parameters<typeof submissionRequest>[2] = {},
): Promise<{ status: number; body: unknown }> {
  const response = await api.submitRoute(submissionRequest(token, form, options), {
    params: Promise.resolve({ token }),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
}

/** Every row an intake can write for one practitioner, for "nothing was written" comparisons. */
export async function intakeSnapshot(userId: string): Promise<unknown> {
  const table = (statement: SQL) => systemRows(statement);
  return {
    contacts: await table(drizzleSql`select id from public.contacts where user_id = ${userId} order by id`),
    links: await table(
      drizzleSql`select id, used_count from public.intake_links where user_id = ${userId} order by id`,
    ),
    consents: await table(drizzleSql`select id from public.client_consents where user_id = ${userId} order by id`),
    audit: await table(
      drizzleSql`select action from public.audit_events where user_id = ${userId} and action not like 'auth.%' order by occurred_at, id`,
    ),
  };
}

export function expectUnavailable(result: { status: number; body: unknown }): void {
  expect(result.status).toBe(404);
  expect(result.body).toMatchObject({ error: { code: "not_found", message: INTAKE_LINK_UNAVAILABLE } });
}

/** Answers for every current consent document: data processing granted, the rest as given (declined by default). */
export async function consentAnswers(
  userId: string,
  granted: readonly string[] = [],
): Promise<{ documentId: string; granted: boolean }[]> {
  const { listConsentDocuments } = await import("@/server/services/consents");
  const documents = await listConsentDocuments({ userId });
  return documents.map((document) => ({
    documentId: document.id,
    granted: document.required || granted.includes(document.kind),
  }));
}
