import { beforeAll, describe, expect, it } from "vitest";
import { CSV_IMPORT_LIMITS } from "@/lib/contracts/contact-csv";
import {
  fixture,
  jsonError,
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
let alice: Practitioner;

beforeAll(async () => {
  app = await loadCsvApp();
  alice = await app.signUp("Alice");
  await alice.expect(201, "POST", "/api/contacts", { displayName: "Already Here", email: "here@example.com" });
});

const STEPS: [keyof CsvRoutes, string][] = [
  ["preview", "/api/contacts/import/preview"],
  ["dryRun", "/api/contacts/import/dry-run"],
  ["importCsv", "/api/contacts/import"],
];

/** Every step refuses the upload with the same 4xx JSON error, and the account is unchanged afterwards. */
async function refusedEverywhere(upload: Upload, status: number, message: RegExp, steps = STEPS) {
  const before = await snapshotOf(alice.id);
  for (const [route, pathname] of steps) {
    const error = await jsonError(await send(alice, app.routes[route], uploadRequest(alice, pathname, upload)), status);
    expect(error.message, pathname).toMatch(message);
  }
  expect(await snapshotOf(alice.id)).toEqual(before);
}

const VALID = "Name,Email\nMaya,maya@example.com\n";

describe("a file that cannot be imported whole is refused at every step, and nothing is written", () => {
  it.each([
    ["binary.csv", 415, /binary/],
    ["workbook-renamed.csv", 415, /workbook/],
    ["utf16.csv", 415, /UTF-16/],
    ["windows-1252.csv", 415, /not UTF-8/],
    ["unbalanced-quote.csv", 422, /never closed/],
    ["too-many-columns.csv", 422, /Row 3 has 4 values/],
    ["too-many-header-columns.csv", 422, /101 columns/],
    ["header-only.csv", 422, /no rows/],
    ["empty.csv", 422, /empty/],
  ])("%s → %i", async (name, status, message) => {
    await refusedEverywhere({ file: fixture(name) }, status, message);
  });

  it("more than 10,000 rows → 413", async () => {
    const rows = Array.from({ length: CSV_IMPORT_LIMITS.rows + 1 }, (_, index) => `Client ${index}`);
    await refusedEverywhere({ file: `Name\n${rows.join("\n")}\n` }, 413, /10,001 rows/);
  });

  it("more than 5 MB, counted on the bytes received → 413", async () => {
    const padding = "x".repeat(CSV_IMPORT_LIMITS.bytes);
    await refusedEverywhere({ file: `Name,Notes\nMaya,${padding}\n` }, 413, /larger than 5 MB/);
  });

  it("a request that is not multipart/form-data → 415", async () => {
    const before = await snapshotOf(alice.id);
    for (const [route, pathname] of STEPS) {
      const request = alice.browser.request("POST", pathname, { body: { file: VALID } });
      await jsonError(await send(alice, app.routes[route], request), 415);
    }
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("a multipart request without a file → 422 on the file field", async () => {
    const before = await snapshotOf(alice.id);
    for (const [route, pathname] of STEPS) {
      const error = await jsonError(
        await send(alice, app.routes[route], uploadRequest(alice, pathname, { options: {} })),
        422,
      );
      expect(error.details).toEqual([{ path: "file", message: "Choose a CSV or vCard file to upload" }]);
    }
    expect(await snapshotOf(alice.id)).toEqual(before);
  });

  it("a multipart body cut short → 400", async () => {
    const request = uploadRequest(alice, "/api/contacts/import", { file: VALID });
    const whole = new Uint8Array(await request.arrayBuffer());
    const cut = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: whole.slice(0, whole.length - 20),
    });
    await jsonError(await send(alice, app.routes.importCsv, cut), 400);
  });

  it.each([
    ["not JSON", "{mapping", /not valid JSON/],
    ["an unknown option", { everything: true }, /Unrecognized key/],
    ["a mapping of the wrong length", { mapping: ["displayName"] }, /1 entries but the file has 2 columns/],
    ["a field mapped twice", { mapping: ["displayName", "displayName"] }, /Some fields are invalid|one column only/],
    ["an unknown field", { mapping: ["displayName", "password"] }, /./],
    ["no name column", { mapping: [null, "email"] }, /Display name/],
    ["a bad duplicate action", { duplicateActions: { "2": "overwrite" } }, /./],
  ])("options with %s → 422, nothing written", async (_label, options, message) => {
    await refusedEverywhere(
      { file: VALID, options: options as NonNullable<Upload["options"]> },
      422,
      message,
      STEPS.filter(([route]) => route !== "preview"),
    );
  });
});
