import { setImmediate } from "node:timers/promises";
import { z } from "@/lib/zod";
import type { CsvMapping, CsvRowError } from "@/lib/contracts/contact-csv";
import { createContactInput, instant, plainText, type CreateContactInput } from "@/lib/contracts/contacts";
import { createTagInput } from "@/lib/contracts/tags";
import { columnRank, csvColumnFor, REPEATABLE_FIELDS } from "@/lib/csv-columns";
import { CELL_FORMATS, splitGoogleValues } from "./csv-cells";
import type { CsvTable } from "./parse-csv-file";

/** Rows validated between turns of the event loop. */
const ROWS_PER_TURN = 250;

/** A row that passed the same contract as `POST /api/contacts`, ready to be added. */
export interface ImportCandidate {
  row: number;
  contact: CreateContactInput;
  /** Tag names, as written (one tag per name, ignoring case). */
  tags: string[];
  /** When the client was first added, kept from an export so a round trip loses nothing. */
  createdAt: string | null;
  /**
   * The client's first note (a draft): the file's notes, then what the client record has no field
   * for (other emails and phones, a birthday without its year).
   */
  note: string | null;
}

export const NOTE_MAX_LENGTH = 20_000;

/** Fields that are not part of the client contract: they are validated here and written beside it. */
const rowExtras = z.object({
  tags: z.array(createTagInput.shape.name).max(50, { message: "Use at most 50 tags" }).default([]),
  createdAt: instant.nullable().default(null),
  note: plainText(NOTE_MAX_LENGTH)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .default(null),
});

/** How the values a repeatable field leaves over are named in the first note, and when two are the same. */
const LEFT_OVER: Record<string, { label: string; key: (value: string) => string }> = {
  email: { label: "Other emails", key: (value) => value.toLowerCase() },
  phone: { label: "Other phones", key: (value) => value.replace(/[^0-9+]/g, "") },
};

interface RepeatedValues {
  field: string;
  /** Every value the row has for the field, best first (by the column's rank, then file order). */
  values: string[];
}

/** Each repeatable field's values in a row: several columns, and several ` ::: `-joined values per cell. */
function repeatedValues(mapping: CsvMapping, ranks: readonly number[], cells: readonly string[]): RepeatedValues[] {
  const byField = new Map<string, { rank: number; index: number; values: string[] }[]>();
  mapping.forEach((field, index) => {
    if (!field || !REPEATABLE_FIELDS.has(field)) return;
    const values = splitGoogleValues(cells[index] ?? "");
    const entry = { rank: ranks[index] ?? Number.MAX_SAFE_INTEGER, index, values };
    byField.set(field, [...(byField.get(field) ?? []), entry]);
  });
  return [...byField].map(([field, columns]) => {
    const ordered = columns.sort((a, b) => a.rank - b.rank || a.index - b.index).flatMap((column) => column.values);
    const seen = new Set<string>();
    const key = LEFT_OVER[field]?.key ?? ((value: string) => value);
    const values = ordered.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
    return { field, values };
  });
}

/** The first note's text: the file's own note, then each line kept aside. */
function composeNote(note: unknown, asides: readonly string[]): string | undefined {
  const parts = [typeof note === "string" ? note : "", asides.join("\n")].filter((part) => part !== "");
  return parts.length === 0 ? undefined : parts.join("\n\n");
}

export interface MappedRows {
  candidates: ImportCandidate[];
  errors: CsvRowError[];
}

/** `{ address: { city } }` from `address.city`. */
function setPath(target: Record<string, unknown>, field: string, value: unknown): void {
  const [head = "", key] = field.split(".");
  if (key === undefined) {
    target[head] = value;
    return;
  }
  const nested = (target[head] ??= {}) as Record<string, unknown>;
  nested[key] = value;
}

/** The most specific mapped field a zod issue path points into (`healthContext.conditions.2` → `healthContext.conditions`). */
function fieldOf(path: readonly PropertyKey[]): string {
  for (let length = Math.min(path.length, 2); length > 0; length -= 1) {
    const field = path.slice(0, length).join(".");
    if (csvColumnFor(field)) return field;
  }
  return path.map(String).join(".") || "row";
}

/**
 * Turns each row into a client using the mapping: cells read by their column's kind, blanks left
 * unset, the display name made from first and last name when the file has none, then validated.
 */
export async function mapCsvRows(table: CsvTable, mapping: CsvMapping): Promise<MappedRows> {
  const columnOfField = new Map<string, number>();
  // A repeatable field's errors name its first column.
  mapping.forEach((field, index) => field && !columnOfField.has(field) && columnOfField.set(field, index));
  const headerOf = (field: string) => {
    const index = columnOfField.get(field);
    return index === undefined ? null : (table.headers[index] ?? null);
  };
  const ranks = table.headers.map(columnRank);
  const candidates: ImportCandidate[] = [];
  const errors: CsvRowError[] = [];

  for (const [index, { row, cells }] of table.rows.entries()) {
    // Validation is the costliest step of a large file: let other requests run between slices of it.
    if (index > 0 && index % ROWS_PER_TURN === 0) await setImmediate();
    const raw: Record<string, unknown> = {};
    const rowErrors: CsvRowError[] = [];
    const asides: string[] = [];
    const read = (field: string, cell: string) => {
      const column = csvColumnFor(field);
      if (!column || cell === "") return;
      const reading = CELL_FORMATS[column.kind].read(cell, column);
      if ("error" in reading) return rowErrors.push({ row, field, column: headerOf(field), message: reading.error });
      if (reading.aside !== undefined) asides.push(reading.aside);
      if (reading.value !== undefined) setPath(raw, field, reading.value);
    };
    mapping.forEach((field, index) => {
      if (field && !REPEATABLE_FIELDS.has(field)) read(field, cells[index]?.trim() ?? "");
    });
    for (const { field, values } of repeatedValues(mapping, ranks, cells)) {
      const [first = "", ...others] = values;
      read(field, first);
      const leftOver = LEFT_OVER[field];
      if (others.length > 0 && leftOver) asides.push(`${leftOver.label}: ${others.join(", ")}`);
    }
    if (raw.displayName === undefined) {
      const fullName = [raw.firstName, raw.lastName].filter((part) => typeof part === "string").join(" ");
      // Blank rather than missing, so the contract answers with its own "Enter a name".
      raw.displayName = fullName;
    }
    const { tags, createdAt, note, ...fields } = raw;
    const contact = createContactInput.safeParse({ source: "import", ...fields });
    const extras = rowExtras.safeParse({ tags, createdAt, note: composeNote(note, asides) });
    for (const issue of [...(contact.error?.issues ?? []), ...(extras.error?.issues ?? [])]) {
      const field = fieldOf(issue.path);
      // One message per field: zod may add a refinement's message to its own for the same value.
      if (rowErrors.some((error) => error.field === field)) continue;
      rowErrors.push({ row, field, column: headerOf(field), message: issue.message });
    }
    if (rowErrors.length > 0 || !contact.success || !extras.success) {
      errors.push(...rowErrors);
      continue;
    }
    const { tags: tagNames, createdAt: created, note: firstNote } = extras.data;
    candidates.push({ row, contact: contact.data, tags: tagNames, createdAt: created, note: firstNote });
  }
  return { candidates, errors };
}
