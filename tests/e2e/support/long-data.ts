import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { TestAccount } from "./accounts";

/**
 * One practitioner whose every record is as long as the API allows, in words no browser can break:
 * what a page must show without growing wider than the screen.
 */

/** `length` characters with no space or hyphen (a browser may break only where overflow-wrap lets it). */
export const unbroken = (prefix: string, length: number) => (prefix + "x".repeat(length)).slice(0, length);

/** An address as long as its parts allow, every label unbroken. */
const longEmail = (tag: string) =>
  `${unbroken(`mail${tag}`, 64)}@${unbroken("inbox", 60)}.${unbroken("wellness", 60)}.test`;

export function longAccount(): TestAccount {
  const id = randomBytes(4).toString("hex");
  return {
    displayName: unbroken(`Practitioner${id}`, 120),
    email: `${unbroken(`robin${id}`, 64)}@${unbroken("practice", 60)}.example.test`,
    password: `calm-waters-${id}`,
  };
}

export interface LongData {
  clientId: string;
  intakeClientId: string;
  consentId: string;
  intakeUrl: string;
}

interface Api {
  request: APIRequestContext;
  origin: string;
}

async function post<T>(api: Api, path: string, data: unknown, status = 201): Promise<T> {
  const response = await api.request.post(path, { data, headers: { origin: api.origin } });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

/** Clients, tags, notes, an intake link, a consent record and the audit events they write, all long. */
export async function buildLongData(api: Api): Promise<LongData> {
  const kinds = (await (await api.request.get("/api/consent-documents")).json()) as { documents: { kind: string }[] };
  expect(kinds.documents.length).toBeGreaterThan(0);
  await post(api, "/api/consent-documents", {
    kind: "marketing",
    title: unbroken("MarketingConsentTitle", 200),
    body: `${unbroken("Newsletters", 400)}\n\nWe write now and then.`,
  });

  const client = await post<{ id: string }>(api, "/api/contacts", {
    displayName: unbroken("Bartholomew", 200),
    firstName: unbroken("Bartholomew", 100),
    lastName: unbroken("Featherstonehaugh", 100),
    email: longEmail("client"),
    phone: "+44 (0) 20 7946 0958 0123 4567 8901",
    pronouns: unbroken("they", 40),
    referralSource: unbroken("ReferredBy", 200),
    address: { line1: unbroken("Street", 200), city: unbroken("City", 120), country: unbroken("Country", 120) },
    emergencyContact: { name: unbroken("Emergency", 200), relation: unbroken("Relation", 80) },
    healthContext: {
      conditions: [unbroken("Condition", 200)],
      allergies: [unbroken("Allergy", 200)],
      notes: unbroken("HealthNote", 2000),
    },
    preferences: { sessionNotes: unbroken("Prefers", 2000), preferredChannel: "email" },
  });

  const tagIds: string[] = [];
  for (const label of ["One", "Two", "Three"]) {
    tagIds.push((await post<{ id: string }>(api, "/api/tags", { name: unbroken(`LongTag${label}`, 60) })).id);
  }
  await post(api, "/api/contacts/bulk-tag", { ids: [client.id], tagIds }, 200);

  const doc = { type: "doc", content: [paragraph(unbroken("SessionNote", 1500))] };
  await post(api, `/api/contacts/${client.id}/notes`, { bodyJson: doc });
  const signed = await post<{ id: string }>(api, `/api/contacts/${client.id}/notes`, { bodyJson: doc });
  await post(api, `/api/notes/${signed.id}/sign`, {}, 200);
  await post(api, `/api/notes/${signed.id}/amendments`, { body: unbroken("Amendment", 2000) });

  const intake = await post<{ url: string }>(api, "/api/intake-links", {
    label: unbroken("IntakeLink", 120),
    maxUses: 2,
  });
  const intakeClientId = await submitIntake(api, intake.url);
  const consents = (await (await api.request.get(`/api/contacts/${intakeClientId}/consents`)).json()) as {
    consents: { id: string }[];
  };
  const consentId = consents.consents[0]?.id;
  expect(consentId, "the intake wrote consent records").toBeTruthy();
  // The practitioner's own habits and today's check-in, as long as they may be.
  for (const schedule of [{ kind: "daily" }, { kind: "weekdays", weekdays: [0, 1, 2, 3, 4, 5, 6] }]) {
    await post(api, "/api/habits", { name: unbroken("LongHabit", 80), schedule });
  }
  const { today } = (await (await api.request.get("/api/habits")).json()) as { today: string };
  const checkIn = await api.request.put(`/api/check-ins/${today}/morning`, {
    data: { energy: 5, mood: 4, sleep: 3, stress: 2, note: unbroken("CheckInNote", 140) },
    headers: { origin: api.origin },
  });
  expect(checkIn.status(), await checkIn.text()).toBe(200);
  return { clientId: client.id, intakeClientId, consentId: consentId ?? "", intakeUrl: intake.url };
}

/** The public form's submission with every document answered; returns the client it made. */
async function submitIntake(api: Api, url: string): Promise<string> {
  const { documents } = (await (await api.request.get("/api/consent-documents")).json()) as {
    documents: { id: string; required: boolean }[];
  };
  const email = longEmail("intake");
  const payload = {
    firstName: unbroken("Maximiliana", 100),
    lastName: unbroken("Wolfeschlegelsteinhausen", 99),
    email,
    consents: documents.map((document) => ({ documentId: document.id, granted: true })),
    signature: { typedName: unbroken("Signed", 200) },
  };
  const token = new URL(url).pathname.split("/").pop() ?? "";
  const response = await api.request.post(`/api/onboard/${token}`, {
    headers: { origin: api.origin },
    multipart: { payload: JSON.stringify(payload) },
  });
  expect(response.status(), await response.text()).toBe(201);
  const found = await api.request.get(`/api/contacts?q=${encodeURIComponent(email)}`);
  const { items } = (await found.json()) as { items: { id: string }[] };
  expect(items, "the intake made one client").toHaveLength(1);
  return items[0]?.id ?? "";
}
