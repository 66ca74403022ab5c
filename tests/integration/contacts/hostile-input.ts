import fc from "fast-check";
import { expect } from "vitest";
import { errorBodySchema } from "@/lib/contracts/errors";
import { snapshotOf, type Practitioner, type Sent } from "./client-records-api";

/** Strings that have broken APIs before: SQL, NUL, wildcards, huge, broken Unicode, look-alike dates and numbers. */
export const hostileString = fc.constantFrom(
  "'; drop table public.contacts; --",
  "' or '1'='1",
  "\u0000",
  "a\u0000b",
  "%",
  "_",
  "\\",
  "%%_%\\",
  "\ud800",
  "🙂".repeat(300),
  "x".repeat(20_000),
  "<script>alert(1)</script>",
  "{{7*7}}",
  "-infinity",
  "infinity",
  "NaN",
  "1e309",
  "-1",
  "0",
  "101",
  "2024-02-30",
  "2024-02-30T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "275760-09-13T00:00:00.000Z",
  "9999-12-31T23:59:59+25:00",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
  "constructor",
  "#zzzzzz",
  " ",
  "\n\t",
  "Prospect",
  "VIP Client",
  "true",
  "null",
  "ann:* & !",
);

const hostileLeaf = fc.oneof(
  hostileString,
  fc.string({ maxLength: 50 }),
  fc.uuid(),
  fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Any JSON value, with hostile strings at every depth. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, hostileLeaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), hostileString), tie("value"), { maxKeys: 4 }),
})).value;

/** An object with the endpoint's own field names (and a few strangers) holding hostile values. */
export function shapedBody(fields: string[], values: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...fields, "__proto__", "userId", "id"), fc.string({ maxLength: 12 }));
  return fc.oneof(
    fc.dictionary(key, values, { maxKeys: 6 }),
    fc.record(Object.fromEntries(fields.map((field) => [field, values])), { requiredKeys: [] }),
    hostileValue,
  );
}

/** Raw request bodies that are not JSON, or JSON that is pathological. */
export const rawBody = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.constantFrom("", "{", "null", "[]", "1", '"text"', "[".repeat(5000) + "]".repeat(5000), '{"a":'.repeat(2000)),
);

/** A query string made of the endpoint's parameters with hostile values, or noise. */
export function hostileQuery(keys: string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })),
    fc.oneof(hostileString, fc.string()),
  );
  return fc.oneof(
    fc.array(pair, { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString()),
    fc.string({ maxLength: 60 }).map((text) => text.replace(/[#\s]/g, "")),
  );
}

/** The answer is a success or the one JSON error shape: never a 5xx. */
export function expectNoServerError(sent: Sent, label: string): void {
  expect(sent.status, `${label} → ${JSON.stringify(sent.body)?.slice(0, 300)}`).toBeLessThan(500);
  if (sent.status >= 400) {
    expect(sent.response.headers.get("content-type")).toMatch(/^application\/json/);
    const parsed = errorBodySchema.safeParse(sent.body);
    expect(parsed.success, `${label}: error body ${JSON.stringify(sent.body)}`).toBe(true);
  }
}

/** Sends, and when the request is refused, checks that neither practitioner's rows changed. */
export async function sendAndCheck(
  who: Practitioner,
  others: Practitioner[],
  method: Parameters<Practitioner["send"]>[0],
  url: string,
  body?: unknown,
): Promise<Sent> {
  const everyone = [who, ...others];
  const before = method === "GET" ? undefined : await Promise.all(everyone.map((person) => snapshotOf(person.id)));
  const sent = await who.send(method, url, body);
  const label = `${method} ${url} ${JSON.stringify(body)?.slice(0, 200)}`;
  expectNoServerError(sent, label);
  if (before && sent.status >= 400) {
    expect(await Promise.all(everyone.map((person) => snapshotOf(person.id))), `${label} wrote something`).toEqual(
      before,
    );
  }
  return sent;
}

/** Values at the edges of what the contract accepts: limits in UTF-16 vs code points, odd but valid dates. */
export const edgeString = fc.constantFrom(
  "x".repeat(200),
  "x".repeat(201),
  "🙂".repeat(100),
  "🙂".repeat(101),
  "é".repeat(60),
  "  padded  ",
  "O'Brien; --",
  "名前",
  "1900-01-01",
  "1899-12-31",
  "0001-01-01T00:00:00Z",
  "2999-12-31T23:59:59.999Z",
  "1900-01-01T00:00:00+14:00",
  "+1 (555) 010-0000 ext",
  "+".repeat(40),
  "1".repeat(41),
  "a@b.co",
  `${"a".repeat(64)}@${"b".repeat(250)}.com`,
);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A valid full client with one to three fields (possibly nested) replaced by hostile or edge values. */
export function mutatedClient(): fc.Arbitrary<Record<string, unknown>> {
  const valid: Record<string, unknown> = {
    displayName: "Valid Person",
    firstName: "Valid",
    email: "valid@example.com",
    phone: "+1 555 0100",
    dateOfBirth: "1990-05-17",
    lifecycleStage: "Prospect",
    address: { line1: "1 Main St", city: "Town" },
    emergencyContact: { name: "Kin", phone: "555 0101" },
    healthContext: { conditions: ["none"], notes: "ok" },
    preferences: { preferredChannel: "email", remindersOptIn: false },
    lastVisitAt: "2024-01-01T00:00:00Z",
    allowDuplicate: true,
  };
  const paths = [
    ...Object.keys(valid).map((key) => [key]),
    ["address", "line1"],
    ["address", "postalCode"],
    ["emergencyContact", "phone"],
    ["healthContext", "conditions"],
    ["healthContext", "notes"],
    ["preferences", "remindersOptIn"],
  ];
  const change = fc.tuple(fc.constantFrom(...paths), fc.oneof(edgeString, hostileString, hostileValue));
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => {
    const body = structuredClone(valid);
    for (const [path, value] of changes) {
      const parent = path.slice(0, -1).reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), body);
      // An earlier change may have replaced the parent with something that has no fields.
      if (isObject(parent)) parent[path.at(-1) as string] = value;
    }
    return body;
  });
}

/** A well-formed list query whose search text and one other parameter are hostile or at the edges. */
export function mutatedListQuery(tagIds: string[]): fc.Arbitrary<string> {
  const valid = fc.record(
    {
      stage: fc.constantFrom("Prospect", "VIP Client,Lost Client"),
      tag: fc.constantFrom(...tagIds),
      source: fc.constantFrom("manual", "import,gmail"),
      hasEmail: fc.constantFrom("true", "false"),
      createdFrom: fc.constantFrom("1900-01-01T00:00:00Z", "2024-01-01T00:00:00+05:00"),
      createdTo: fc.constantFrom("2999-01-01T00:00:00Z"),
      sort: fc.constantFrom("name", "created", "updated", "lastVisit", "relevance"),
      order: fc.constantFrom("asc", "desc"),
      limit: fc.constantFrom("1", "100"),
    },
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      valid,
      fc.oneof(hostileString, edgeString, fc.string()),
      fc.option(fc.tuple(fc.constantFrom("limit", "cursor", "tag", "createdFrom"), hostileString)),
    )
    .map(([params, q, extra]) => {
      const search = new URLSearchParams({ ...params, q });
      if (extra) search.set(extra[0], extra[1]);
      return search.toString();
    });
}
