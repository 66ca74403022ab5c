import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { temporaryDataDir } from "../auth/fixtures";
import { loadAuthRoutes } from "../auth/load-auth-routes";
import { signUpPractitioner, systemRows, type Practitioner, type Sent } from "../contacts/client-records-api";
import {
  expectNoServerError,
  hostileQuery,
  hostileString,
  hostileValue,
  rawBody,
  shapedBody,
} from "../contacts/hostile-input";
import { hostileKeysetCursor } from "../contacts/hostile-cursors";
import { consentAnswers, createLink, intakeForm, submit, type IntakeApi } from "../intake/intake-api";

const RUNS = 30;
const TIMEOUT = 180_000;

let api: IntakeApi;
let victim: Practitioner;
let victimsClient: Contact;
let victimsConsentId: string;
let victimsLinkId: string;

/** The auth routes on a data directory of the suite's own, plus the public intake submission. */
async function loadPrivacyApi(): Promise<IntakeApi> {
  const auth = await loadAuthRoutes({ DATA_DIR: temporaryDataDir(), NEXT_PUBLIC_SUPABASE_URL: undefined });
  const { POST: submitRoute } = await import("@/app/api/onboard/[token]/route");
  return { auth, submitRoute };
}

/** Every row of the tables these routes write, for one practitioner: a refused request must leave them as they were. */
async function privacySnapshot(userId: string): Promise<unknown> {
  return {
    contacts: await systemRows(sql`select * from public.contacts where user_id = ${userId} order by id`),
    documents: await systemRows(sql`select * from public.consent_documents where user_id = ${userId} order by id`),
    consents: await systemRows(sql`select * from public.client_consents where user_id = ${userId} order by id`),
    links: await systemRows(sql`select * from public.intake_links where user_id = ${userId} order by id`),
    audit: await systemRows(
      sql`select action, target_id, metadata from public.audit_events
          where user_id = ${userId} and action not like 'auth.%' order by occurred_at, id`,
    ),
    account: await systemRows(sql`select id, email from auth.users where id = ${userId}`),
  };
}

type Method = Parameters<Practitioner["send"]>[0];

async function sendAndCheck(who: Practitioner, method: Method, url: string, body?: unknown): Promise<Sent> {
  const everyone = [who, victim];
  const before = method === "GET" ? undefined : await Promise.all(everyone.map((person) => privacySnapshot(person.id)));
  const sent = await who.send(method, url, body);
  const label = `${method} ${url} ${JSON.stringify(body)?.slice(0, 200)}`;
  expectNoServerError(sent, label);
  if (before && sent.status >= 400) {
    const after = await Promise.all(everyone.map((person) => privacySnapshot(person.id)));
    expect(after, `${label} wrote something`).toEqual(before);
  }
  return sent;
}

/** A practitioner of its own per endpoint, with a client whose consents are on record. */
async function attacker(name: string): Promise<{ who: Practitioner; client: Contact }> {
  const who = await signUpPractitioner(api, name);
  const client = await who.expect<Contact>(201, "POST", "/api/contacts", { displayName: `${name}'s client` });
  await who.expect(200, "GET", "/api/consent-documents");
  return { who, client };
}

function idArbitrary(own: Contact): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(own.id, victimsClient.id, victimsConsentId, victimsLinkId),
    fc.uuid(),
    fc
      .string({ maxLength: 40 })
      // "." and ".." are path steps, not ids: the URL resolves them before any route sees them.
      .filter(
        (text) => text.length > 0 && !text.includes("/") && !/^\.{1,2}$/.test(text) && !/[\ud800-\udfff]/.test(text),
      ),
  );
}

beforeAll(async () => {
  api = await loadPrivacyApi();
  ({ who: victim, client: victimsClient } = await attacker("Victim"));
  const link = await createLink(victim, { maxUses: 5 });
  victimsLinkId = link.link.id;
  const submitted = await submit(api, link.token, intakeForm({ consents: await consentAnswers(victim.id) }));
  expect(submitted.status).toBe(201);
  const [record] = await systemRows<{ id: string }>(
    sql`select id from public.client_consents where user_id = ${victim.id} limit 1`,
  );
  victimsConsentId = record?.id ?? "";
}, TIMEOUT);

describe("hostile input to the intake, consent, audit, photo and account routes never causes a 5xx or a partial write", () => {
  it("POST /api/consent-documents and GET its versions", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Publisher");
    await fc.assert(
      fc.asyncProperty(fc.oneof(shapedBody(["kind", "title", "body"]), rawBody), async (body) => {
        await sendAndCheck(who, "POST", "/api/consent-documents", body);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.string({ maxLength: 20 })), async (kind) => {
        if (kind.includes("/") || kind === "" || /^\.{1,2}$/.test(kind) || /[\ud800-\udfff]/.test(kind)) return;
        await sendAndCheck(who, "GET", `/api/consent-documents/${encodeURIComponent(kind)}/versions`);
      }),
      { numRuns: RUNS },
    );
  });

  it("client consents: history, one record, withdrawal", { timeout: TIMEOUT }, async () => {
    const { who, client } = await attacker("Withdrawer");
    await fc.assert(
      fc.asyncProperty(
        idArbitrary(client),
        idArbitrary(client),
        fc.oneof(shapedBody(["kind"]), rawBody),
        async (id, consentId, body) => {
          const base = `/api/contacts/${encodeURIComponent(id)}/consents`;
          await sendAndCheck(who, "GET", base);
          await sendAndCheck(who, "GET", `${base}/${encodeURIComponent(consentId)}`);
          const sent = await sendAndCheck(who, "POST", `${base}/withdraw`, body);
          if (id === victimsClient.id) expect(sent.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("intake links: create and revoke", { timeout: TIMEOUT }, async () => {
    const { who, client } = await attacker("Linker");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(shapedBody(["label", "expiresInHours", "maxUses"]), rawBody),
        idArbitrary(client),
        async (body, id) => {
          await sendAndCheck(who, "POST", "/api/intake-links", body);
          const sent = await sendAndCheck(who, "POST", `/api/intake-links/${encodeURIComponent(id)}/revoke`);
          if (id === victimsLinkId) expect(sent.status).toBe(404);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("audit events: list and export query strings", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Auditor");
    const exportRoute = await import("@/app/api/audit-events/export/route");
    const keys = ["category", "action", "targetType", "targetId", "from", "to", "cursor", "limit"];
    await fc.assert(
      fc.asyncProperty(hostileQuery(keys), async (query) => {
        const sent = await sendAndCheck(who, "GET", `/api/audit-events?${query}`);
        if (sent.status < 400) {
          const page = sent.body as { items: { targetId: string | null }[] };
          expect(page.items.map((event) => event.targetId)).not.toContain(victimsClient.id);
        }
        const response = await exportRoute.GET(who.browser.request("GET", `/api/audit-events/export?${query}`));
        const text = await response.text();
        if (response.status >= 400) {
          expectNoServerError({ status: response.status, body: JSON.parse(text) as unknown, response }, query);
        } else {
          expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
          expect(text).not.toContain(victimsClient.id);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("audit events: crafted cursors answer a page or a 422", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Cursor");
    await fc.assert(
      fc.asyncProperty(hostileKeysetCursor, async (cursor) => {
        const sent = await sendAndCheck(who, "GET", `/api/audit-events?cursor=${cursor}`);
        expect([200, 422]).toContain(sent.status);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("photos: read, replace with a body that is not a photo upload, remove", { timeout: TIMEOUT }, async () => {
    const { who, client } = await attacker("Photographer");
    await fc.assert(
      fc.asyncProperty(
        idArbitrary(client),
        fc.constantFrom<Method>("GET", "DELETE"),
        fc.oneof(hostileValue, rawBody),
        async (id, method, body) => {
          const url = `/api/contacts/${encodeURIComponent(id)}/photo`;
          await sendAndCheck(who, method, url);
          const before = await Promise.all([who, victim].map((person) => privacySnapshot(person.id)));
          const response = await who.browser.call("PUT", url, { body });
          const text = await response.text();
          const sent = {
            status: response.status,
            body: text === "" ? undefined : (JSON.parse(text) as unknown),
            response,
          };
          expectNoServerError(sent, `PUT ${url}`);
          expect(sent.status).toBeGreaterThanOrEqual(400);
          expect(await Promise.all([who, victim].map((person) => privacySnapshot(person.id)))).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("account deletion refuses anything but the typed confirmation", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Keeper");
    await fc.assert(
      fc.asyncProperty(fc.oneof(shapedBody(["confirmation"]), rawBody), async (body) => {
        const sent = await sendAndCheck(who, "POST", "/api/account/delete", body);
        expect(sent.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
  });

  it("the public intake submission, with hostile tokens and forms", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Intaker");
    const link = await createLink(who, { maxUses: 100 });
    const fields = ["firstName", "lastName", "email", "phone", "dateOfBirth", "address", "healthContext", "consents"];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(link.token), hostileString, fc.string({ maxLength: 50 })),
        fc.oneof(shapedBody([...fields, "signature", "website"]), hostileValue),
        async (token, form) => {
          if (token === "" || token.includes("/") || /[\ud800-\udfff]/.test(token)) return;
          const before = await privacySnapshot(who.id);
          const result = await submit(api, token, form);
          expect(result.status, JSON.stringify(result.body)?.slice(0, 300)).toBeLessThan(500);
          if (result.status >= 400) {
            expect(result.body).toMatchObject({ error: { code: expect.any(String) as unknown } });
            expect(await privacySnapshot(who.id)).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
