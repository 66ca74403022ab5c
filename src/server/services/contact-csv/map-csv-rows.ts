import { setImmediate } from "node:timers/promises";
import { z } from "@/lib/zod";
import type { CsvMapping, CsvRowError } from "@/lib/contracts/contact-csv";
import { createContactInput, instant, type CreateContactInput } from "@/lib/contracts/contacts";
import { createTagInput } from "@/lib/contracts/tags";
import { csvColumnFor } from "@/lib/csv-columns";
import { CELL_FORMATS } from "./csv-cells";
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
}

/** Fields that are not part of the client contract: they are validated here and written beside it. */
const rowExtras = z.object({
  tags: z.array(createTagInput.shape.name).max(50, { message: "Use at most 50 tags" }).default([]),
  createdAt: instant.nullable().default(null),
});

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
  mapping.forEach((field, index) => field && columnOfField.set(field, index));
  const headerOf = (field: string) => {
    const index = columnOfField.get(field);
    return index === undefined ? null : (table.headers[index] ?? null);
  };
  const candidates: ImportCandidate[] = [];
  const errors: CsvRowError[] = [];

  for (const [index, { row, cells }] of table.rows.entries()) {
    // Validation is the costliest step of a large file: let other requests run between slices of it.
    if (index > 0 && index % ROWS_PER_TURN === 0) await setImmediate();
    const raw: Record<string, unknown> = {};
    const rowErrors: CsvRowError[] = [];
    mapping.forEach((field, index) => {
      const cell = cells[index]?.trim() ?? "";
      const column = field ? csvColumnFor(field) : undefined;
      if (!field || !column || cell === "") return;
      const reading = CELL_FORMATS[column.kind].read(cell, column);
      if ("error" in reading) rowErrors.push({ row, field, column: headerOf(field), message: reading.error });
      else setPath(raw, field, reading.value);
    });
    if (raw.displayName === undefined) {
      const fullName = [raw.firstName, raw.lastName].filter((part) => typeof part === "string").join(" ");
      // Blank rather than missing, so the contract answers with its own "Enter a name".
      raw.displayName = fullName;
    }
    const { tags, createdAt, ...fields } = raw;
    const contact = createContactInput.safeParse({ source: "import", ...fields });
    const extras = rowExtras.safeParse({ tags, createdAt });
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
    candidates.push({ row, contact: contact.data, tags: extras.data.tags, createdAt: extras.data.createdAt });
  }
  return { candidates, errors };
}
