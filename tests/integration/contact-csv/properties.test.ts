import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS, IMPORTABLE_FIELDS } from "@/lib/csv-columns";
import { errorBodySchema } from "@/lib/contracts/errors";
import {
  contactCount,
  importEvents,
  loadCsvApp,
  send,
  snapshotOf,
  uploadRequest,
  type CsvApp,
  type CsvRoutes,
  type Practitioner,
  type Upload,
} from "./csv-app";

let app: CsvApp;
const RUNS = 40;

beforeAll(async () => {
  app = await loadCsvApp();
});

/** Characters that break parsers: quotes, separators, line ends, NUL, BOMs, lone surrogates, formula starts. */
const hostileUnit = fc.constantFrom(
  "a",
  "Z",
  "é",
  "🙂",
  " ",
  ",",
  ";",
  '"',
  "'",
  "\\",
  "\n",
  "\r",
  "\r\n",
  "\u0000",
  "\ufeff",
  "\ud800",
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\u202e",
);
const hostileText = fc.string({ unit: hostileUnit, maxLength: 40 });
const headerName = fc.oneof(
  fc.constantFrom(...CSV_COLUMNS.map((column) => column.header), "Name", "E-mail", "Tags"),
  hostileText,
);
const cellValue = fc.oneof(
  hostileText,
  fc.constantFrom(
    "maya@example.com",
    "not-an-email",
    "+1 415 555 0134",
    "1988-02-30",
    "VIP Client",
    "yes",
    "maybe",
    "a; b",
  ),
);

const quoted = (rows: string[][], delimiter: string) =>
  rows.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter)).join("\r\n");

/** A file that could be a real export: a name column first, known headers, awkward cell content. */
const plausibleCsv = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...CSV_COLUMNS.map((column) => column.header)), { maxLength: 5 }),
    fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(",", ";"),
  )
  .map(([headers, rows, delimiter]) =>
    quoted([["Name", ...headers.filter((h) => h !== "Display name")], ...rows], delimiter),
  );

/** Well-formed CSVs with random headers, and things that are not CSV at all. */
const hostileCsv: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc
    .tuple(
      fc.array(headerName, { minLength: 1, maxLength: 6 }),
      fc.array(fc.array(cellValue, { maxLength: 7 }), { maxLength: 6 }),
      fc.constantFrom(",", ";"),
    )
    .map(([headers, rows, delimiter]) => quoted([headers, ...rows], delimiter)),
  fc.string({ unit: hostileUnit, maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }),
);

const fieldName = fc.oneof(fc.constantFrom(...IMPORTABLE_FIELDS), fc.constant(null), hostileText);
const randomOptions: fc.Arbitrary<Upload["options"]> = fc.oneof(
  fc.record(
    {
      mapping: fc.array(fieldName, { maxLength: 7 }),
      duplicateActions: fc.dictionary(
        fc.oneof(fc.nat({ max: 12 }).map(String), hostileText),
        fc.constantFrom("skip", "merge", "overwrite"),
      ),
      defaultDuplicateAction: fc.constantFrom("skip", "merge", "ignore"),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Upload["options"]>,
  hostileText,
  fc.jsonValue().map((value) => JSON.stringify(value)),
);
const plausibleOptions: fc.Arbitrary<Upload["options"]> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    duplicateActions: fc.dictionary(
      fc.integer({ min: 2, max: 8 }).map(String),
      fc.constantFrom("skip" as const, "merge" as const),
    ),
    defaultDuplicateAction: fc.constantFrom("skip" as const, "merge" as const),
  }),
);

/** Half plausible uploads (which mostly go through), half hostile ones (which mostly do not). */
const uploadArb: fc.Arbitrary<Upload> = fc
  .oneof(
    fc.tuple(plausibleCsv, plausibleOptions),
    fc.tuple(hostileCsv, fc.oneof(fc.constant(undefined), randomOptions)),
  )
  .map(([file, options]) => ({ file, ...(options === undefined ? {} : { options }) }));

async function assertErrorShape(response: Response) {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(errorBodySchema.safeParse(JSON.parse(text)).success, text.slice(0, 300)).toBe(true);
}

/** Each endpoint gets a practitioner of its own, so the per-user rate limit never stands in for validation. */
async function uploadProperty(route: keyof CsvRoutes, pathname: string, name: string) {
  const practitioner: Practitioner = await app.signUp(name);
  await practitioner.expect(201, "POST", "/api/contacts", { displayName: "On File", email: "maya@example.com" });
  const outcomes = new Set<string>();
  // Kept for the failure message: which refusals, if the generators ever reach only one side.
  const refusals: string[] = [];
  await fc.assert(
    fc.asyncProperty(uploadArb, async (upload) => {
      const before = await snapshotOf(practitioner.id);
      const count = await contactCount(practitioner.id);
      const response = await send(practitioner, app.routes[route], uploadRequest(practitioner, pathname, upload));
      outcomes.add(response.status >= 400 ? "refused" : "accepted");
      if (response.status >= 400) {
        refusals.push(`${response.status} ${(await response.clone().text()).slice(0, 120)}`);
        await assertErrorShape(response);
        expect(await snapshotOf(practitioner.id)).toEqual(before);
        return;
      }
      expect(response.status).toBe(200);
      if (route !== "importCsv") {
        await response.json();
        expect(await snapshotOf(practitioner.id)).toEqual(before);
        return;
      }
      const last = (await importEvents(response)).at(-1);
      if (last?.type === "result") expect(await contactCount(practitioner.id)).toBe(count + last.result.created.length);
      else expect(await snapshotOf(practitioner.id)).toEqual(before);
    }),
    { numRuns: RUNS },
  );
  // The generators reach both sides: files that go through, and files that are refused.
  expect([...outcomes].sort(), refusals.slice(0, 5).join("\n")).toEqual(["accepted", "refused"]);
}

describe("random and hostile uploads never get a 5xx, and a refusal writes nothing", () => {
  it("POST /api/contacts/import/preview", () => uploadProperty("preview", "/api/contacts/import/preview", "Preview"));
  it("POST /api/contacts/import/dry-run", () => uploadProperty("dryRun", "/api/contacts/import/dry-run", "DryRun"));
  it("POST /api/contacts/import", () => uploadProperty("importCsv", "/api/contacts/import", "Importer"));

  it("GET /api/contacts/export with random query strings: a CSV or a 4xx JSON error", async () => {
    const practitioner = await app.signUp("Exporter");
    await practitioner.expect(201, "POST", "/api/contacts", { displayName: "=Formula", email: "f@example.com" });
    const key = fc.constantFrom(
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
      "x",
    );
    const value = fc.oneof(
      hostileText,
      fc.constantFrom(
        "Prospect",
        "true",
        "name",
        "relevance",
        "desc",
        "2024-01-01T00:00:00Z",
        "00000000-0000-4000-8000-000000000000",
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 4 }), async (pairs) => {
        const before = await snapshotOf(practitioner.id);
        const query = new URLSearchParams(pairs).toString();
        const request = practitioner.browser.request("GET", `/api/contacts/export?${query}`);
        const response = await send(practitioner, app.routes.exportCsv, request);
        if (response.status >= 400) await assertErrorShape(response);
        else {
          expect(response.status).toBe(200);
          expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
          expect(await response.text()).toMatch(/^Display name|^ID,/);
        }
        expect(await snapshotOf(practitioner.id)).toEqual(before);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
