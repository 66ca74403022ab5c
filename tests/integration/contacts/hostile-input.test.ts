import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Tag } from "@/lib/contracts/tags";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  type ClientRecordsApi,
  type Practitioner,
} from "./client-records-api";
import { contactCursorQuery, hostileContactCursorQuery } from "./hostile-cursors";
import {
  hostileQuery,
  hostileValue,
  mutatedClient,
  mutatedListQuery,
  rawBody,
  sendAndCheck,
  shapedBody,
} from "./hostile-input";

const RUNS = 40;
const TIMEOUT = 180_000;

let api: ClientRecordsApi;
let victim: Practitioner;
let victimsClient: Contact;
let victimsTag: Tag;

/** A practitioner of its own per endpoint, with a client and a tag, so per-user write limits never hide a bug. */
async function attacker(name: string): Promise<{ who: Practitioner; client: Contact; tag: Tag }> {
  const who = await signUpPractitioner(api, name);
  const client = await who.expect<Contact>(201, "POST", "/api/contacts", { displayName: `${name}'s client` });
  const tag = await who.expect<Tag>(201, "POST", "/api/tags", { name: `${name}'s tag` });
  return { who, client, tag };
}

beforeAll(async () => {
  api = await loadClientRecordsApi();
  ({ who: victim, client: victimsClient, tag: victimsTag } = await attacker("Victim"));
});

/** Ids to put in paths and lists: the caller's own, the victim's, unknown ones and junk. */
function idArbitrary(own: { client: Contact; tag: Tag }): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(own.client.id, own.tag.id, victimsClient.id, victimsTag.id),
    fc.uuid(),
    fc
      .string({ maxLength: 40 })
      // "." and ".." are path steps, not ids: the URL resolves them before any route sees them.
      .filter(
        (text) => text.length > 0 && !text.includes("/") && !/^\.{1,2}$/.test(text) && !/[\ud800-\udfff]/.test(text),
      ),
  );
}

const CONTACT_FIELDS = [
  "displayName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "pronouns",
  "dateOfBirth",
  "source",
  "referralSource",
  "lifecycleStage",
  "address",
  "emergencyContact",
  "healthContext",
  "preferences",
  "lastVisitAt",
  "allowDuplicate",
  "photoPath",
];
const LIST_KEYS = [
  "q",
  "stage",
  "tag",
  "source",
  "hasEmail",
  "hasPhone",
  "createdFrom",
  "createdTo",
  "sort",
  "order",
  "cursor",
  "limit",
];

describe("hostile bodies and query strings never cause a 5xx or a partial write", () => {
  it("GET /api/contacts and /api/contacts/count", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Lister");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileQuery(LIST_KEYS), mutatedListQuery([victimsTag.id, crypto.randomUUID()])),
        fc.boolean(),
        async (query, count) => {
          await sendAndCheck(who, [], "GET", `/api/contacts${count ? "/count" : ""}?${query}`);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("GET /api/contacts with crafted cursors for the sort asked for", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Cursor");
    await fc.assert(
      fc.asyncProperty(hostileContactCursorQuery, async (query) => {
        const sent = await sendAndCheck(who, [], "GET", `/api/contacts?${query}`);
        expect([200, 400, 422]).toContain(sent.status);
      }),
      {
        numRuns: RUNS * 2,
        examples: ["0000-01-01 00:00:00+00", "2024-01-01 00:00:00+99", "2024-01-01 00:00:00+05:99"].map((at) => [
          contactCursorQuery({ sort: "created", order: "desc", keys: [at], id: crypto.randomUUID() }),
        ]),
      },
    );
  });

  it("POST /api/contacts refuses half a UTF-16 pair in any text field with 422, stored in jsonb or not", async () => {
    const { who } = await attacker("Surrogates");
    for (const body of [
      { displayName: "Valid Person", address: { line1: "\ud800", city: "Town" } },
      { displayName: "\udc00 Person" },
    ]) {
      const sent = await who.send("POST", "/api/contacts", body);
      expect(sent.status, JSON.stringify(sent.body)).toBe(422);
    }
  });

  it("POST /api/contacts", { timeout: TIMEOUT }, async () => {
    const { who } = await attacker("Creator");
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedClient(), shapedBody(CONTACT_FIELDS), rawBody), async (body) => {
        await sendAndCheck(who, [victim], "POST", "/api/contacts", body);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("GET, PATCH and DELETE /api/contacts/:id", { timeout: TIMEOUT }, async () => {
    const own = await attacker("Editor");
    await fc.assert(
      fc.asyncProperty(
        idArbitrary(own),
        fc.constantFrom("GET", "PATCH", "DELETE" as const),
        fc.oneof(mutatedClient(), shapedBody(CONTACT_FIELDS), rawBody),
        async (id, method, body) => {
          await sendAndCheck(
            own.who,
            [victim],
            method,
            `/api/contacts/${encodeURIComponent(id)}`,
            method === "PATCH" ? body : undefined,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /api/contacts/:id/merge", { timeout: TIMEOUT }, async () => {
    const own = await attacker("Merger");
    const ids = idArbitrary(own);
    const fields = fc.dictionary(
      fc.oneof(fc.constantFrom(...CONTACT_FIELDS), fc.string({ maxLength: 8 })),
      fc.oneof(fc.constantFrom("primary", "duplicate"), fc.string({ maxLength: 5 })),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        ids,
        fc.oneof(
          fc.record({ duplicateId: ids, fields }, { requiredKeys: [] }),
          shapedBody(["duplicateId", "fields"]),
          rawBody,
        ),
        async (id, body) => {
          await sendAndCheck(own.who, [victim], "POST", `/api/contacts/${encodeURIComponent(id)}/merge`, body);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /api/contacts/bulk-delete and bulk-tag", { timeout: TIMEOUT }, async () => {
    const own = await attacker("Bulker");
    const idLists = fc.oneof(
      fc.array(idArbitrary(own), { maxLength: 6 }),
      fc.array(fc.uuid(), { minLength: 499, maxLength: 502 }),
    );
    const action = fc.oneof(fc.constantFrom("add", "remove"), fc.string());
    // "Every client matching": filters naming the victim's tag or text, counts around the real ones and the cap.
    const filter = fc.oneof(
      fc.record(
        {
          q: fc.oneof(fc.constantFrom("", "Victim", "%", "client"), fc.string({ maxLength: 8 })),
          tag: fc.oneof(fc.constant(victimsTag.id), idArbitrary(own)),
          stage: fc.oneof(fc.constant("Prospect"), fc.string({ maxLength: 8 })),
          hasEmail: fc.constantFrom("true", "false", "yes"),
        },
        { requiredKeys: [] },
      ),
      hostileValue,
    );
    const expectedCount = fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constantFrom(1000, 1001), hostileValue);
    const body = fc.oneof(
      fc.record({ ids: idLists, tagIds: idLists, action }, { requiredKeys: [] }),
      fc.record({ filter, expectedCount, tagIds: idLists, action }, { requiredKeys: [] }),
      shapedBody(["ids", "tagIds", "action", "filter", "expectedCount"]),
      rawBody,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("bulk-delete", "bulk-tag"), body, async (action, sentBody) => {
        await sendAndCheck(own.who, [victim], "POST", `/api/contacts/${action}`, sentBody);
      }),
      { numRuns: RUNS },
    );
  });

  it("GET and POST /api/tags, PATCH and DELETE /api/tags/:id", { timeout: TIMEOUT }, async () => {
    const own = await attacker("Tagger");
    const body = fc.oneof(shapedBody(["name", "color", "category"]), rawBody);
    await fc.assert(
      fc.asyncProperty(
        idArbitrary(own),
        fc.constantFrom("GET", "POST", "PATCH", "DELETE" as const),
        body,
        async (id, method, sentBody) => {
          const url = method === "GET" || method === "POST" ? "/api/tags" : `/api/tags/${encodeURIComponent(id)}`;
          await sendAndCheck(
            own.who,
            [victim],
            method,
            url,
            method === "GET" || method === "DELETE" ? undefined : sentBody,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
