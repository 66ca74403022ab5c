import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";
import { csvImportEvent, type CsvImportEvent, type CsvImportOptionsInput } from "@/lib/contracts/contact-csv";
import { errorBodySchema, type ErrorBody } from "@/lib/contracts/errors";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  snapshotOf,
  systemRows,
  type ClientRecordsApi,
  type Practitioner,
} from "../contacts/client-records-api";

type Handler = (request: Request) => Promise<Response>;

export interface CsvRoutes {
  preview: Handler;
  dryRun: Handler;
  importCsv: Handler;
  exportCsv: Handler;
  exportSelected: Handler;
}

export interface CsvApp {
  api: ClientRecordsApi;
  routes: CsvRoutes;
  signUp(name: string): Promise<Practitioner>;
}

/** The client-record API plus the CSV routes, loaded into one module graph after the auth harness. */
export async function loadCsvApp(): Promise<CsvApp> {
  const api = await loadClientRecordsApi();
  const [preview, dryRun, importCsv, exportCsv] = await Promise.all([
    import("@/app/api/contacts/import/preview/route"),
    import("@/app/api/contacts/import/dry-run/route"),
    import("@/app/api/contacts/import/route"),
    import("@/app/api/contacts/export/route"),
  ]);
  return {
    api,
    routes: {
      preview: preview.POST,
      dryRun: dryRun.POST,
      importCsv: importCsv.POST,
      exportCsv: exportCsv.GET,
      exportSelected: exportCsv.POST,
    },
    signUp: (name) => signUpPractitioner(api, name),
  };
}

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/csv");

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

export interface Upload {
  file?: string | Uint8Array;
  fileName?: string;
  options?: CsvImportOptionsInput | string;
}

/** A multipart upload the way the wizard sends it, with the practitioner's session cookies. */
export function uploadRequest(practitioner: Practitioner, pathname: string, upload: Upload): Request {
  const base = practitioner.browser.request("POST", pathname);
  const form = new FormData();
  if (upload.file !== undefined) {
    const bytes = typeof upload.file === "string" ? upload.file : new Uint8Array(upload.file);
    form.append("file", new Blob([bytes], { type: "text/csv" }), upload.fileName ?? "clients.csv");
  }
  if (upload.options !== undefined) {
    form.append("options", typeof upload.options === "string" ? upload.options : JSON.stringify(upload.options));
  }
  const headers = new Headers(base.headers);
  headers.delete("content-type");
  return new Request(base.url, { method: "POST", headers, body: form });
}

export async function send(practitioner: Practitioner, handler: Handler, request: Request): Promise<Response> {
  const response = await handler(request);
  practitioner.browser.remember(response);
  return response;
}

/** Every line of an NDJSON import answer, each checked against the contract. */
export async function importEvents(response: Response): Promise<CsvImportEvent[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  // Read as bytes: Response.text() would drop the byte order mark the export starts with.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.endsWith("\n")).toBe(true);
  return text
    .trimEnd()
    .split("\n")
    .map((line) => csvImportEvent.parse(JSON.parse(line)));
}

export async function jsonError(response: Response, status: number): Promise<ErrorBody["error"]> {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return errorBodySchema.parse(await response.json()).error;
}

/** The result line of a successful import (the stream must end with it). */
export async function importResult(response: Response) {
  const events = await importEvents(response);
  const last = events.at(-1);
  if (last?.type !== "result") throw new Error(`import did not commit: ${JSON.stringify(last)}`);
  return { events, result: last.result };
}

export interface ExportedCsv {
  response: Response;
  text: string;
  headers: string[];
  records: Record<string, string>[];
}

/** Downloads the export and reads it back as RFC 4180 records keyed by header. */
export async function exportCsv(app: CsvApp, practitioner: Practitioner, query = ""): Promise<ExportedCsv> {
  const request = practitioner.browser.request("GET", `/api/contacts/export${query}`);
  const response = await send(practitioner, app.routes.exportCsv, request);
  expect(response.status, await response.clone().text()).toBe(200);
  // Read as bytes: Response.text() would drop the byte order mark the export starts with.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  const records: string[][] = parse(text, { bom: true, record_delimiter: "\r\n" });
  const [headers = [], ...rows] = records;
  const keyed = rows.map((cells) => Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ""])));
  return { response, text, headers, records: keyed };
}

/** `POST /api/contacts/export` of the given ids, as the clients list's selection bar sends it. */
export async function exportSelected(app: CsvApp, practitioner: Practitioner, body: unknown): Promise<Response> {
  return send(
    practitioner,
    app.routes.exportSelected,
    practitioner.browser.request("POST", "/api/contacts/export", { body }),
  );
}

/** CSV text as records keyed by header, after the byte order mark. */
export function csvRecords(text: string): Record<string, string>[] {
  const [headers = [], ...rows]: string[][] = parse(text, { bom: true, record_delimiter: "\r\n" });
  return rows.map((cells) => Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? ""])));
}

/** One CSV text from rows of cells, quoting every cell (RFC 4180). */
export function csvText(rows: readonly (readonly string[])[], delimiter = ","): string {
  return rows.map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter)).join("\r\n");
}

export async function contactCount(userId: string): Promise<number> {
  const [row] = await systemRows<{ count: number | string }>(
    sql`select count(*)::int as count from public.contacts where user_id = ${userId}`,
  );
  return Number(row?.count ?? 0);
}

export { snapshotOf, systemRows, type Practitioner };
