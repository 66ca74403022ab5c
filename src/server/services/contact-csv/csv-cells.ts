import { CONTACT_SOURCES, LIFECYCLE_STAGES, PREFERRED_CHANNELS } from "@/lib/contracts/contacts";
import type { CsvCellKind, CsvColumn } from "@/lib/csv-columns";

/**
 * A cell read back into a field value, or why it cannot be. A value the client has no field for
 * (a birthday without its year) comes back as `aside`: text kept in the client's first note.
 */
export type CellReading = { value: unknown; aside?: string } | { error: string };

interface CellFormat {
  write(value: unknown): string;
  read(cell: string, column: CsvColumn): CellReading;
}

/** The values a `choice` column accepts, by field; matched without regard to letter case. */
const CHOICES: Record<string, readonly string[]> = {
  source: CONTACT_SOURCES,
  lifecycleStage: LIFECYCLE_STAGES,
  "preferences.preferredChannel": PREFERRED_CHANNELS,
};

const BOOLEAN_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  "1": true,
  on: true,
  no: false,
  n: false,
  false: false,
  "0": false,
  off: false,
};

const LIST_SEPARATOR = ";";

/** List items are joined with "; "; a `;` or `\` inside an item is written `\;` or `\\` so it reads back whole. */
export function writeList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, "\\$&")).join(`${LIST_SEPARATOR} `);
}

export function readList(cell: string): string[] {
  const items: string[] = [];
  let current = "";
  for (let index = 0; index < cell.length; index += 1) {
    const char = cell[index];
    const next = cell[index + 1];
    if (char === "\\" && (next === "\\" || next === LIST_SEPARATOR)) {
      current += next;
      index += 1;
    } else if (char === LIST_SEPARATOR) {
      items.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/** Google Contacts puts several groups (or several emails of one label) in one cell, joined by " ::: ". */
export const GOOGLE_SEPARATOR = ":::";

export function splitGoogleValues(cell: string): string[] {
  return cell
    .split(GOOGLE_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Google's own groups start with "* ": "* myContacts" holds every contact and is dropped; the
 * others ("* starred", "* friends", …) were chosen by the person and become tags without the mark.
 */
const DROPPED_GOOGLE_GROUPS = new Set(["mycontacts"]);

/** Google's vCards name the same group without the mark (`CATEGORIES:myContacts,…`). */
export const isDroppedGoogleGroup = (name: string) => DROPPED_GOOGLE_GROUPS.has(name.trim().toLowerCase());

export function readTags(cell: string): string[] {
  return readList(cell)
    .flatMap(splitGoogleValues)
    .flatMap((tag) => {
      if (!tag.startsWith("* ")) return [tag];
      const name = tag.slice(2).trim();
      return isDroppedGoogleGroup(name) || name === "" ? [] : [name];
    });
}

/** Outlook writes an unset date as 0/0/00 (or 1/1/4501 in older versions). */
const OUTLOOK_NO_DATE = new Set(["0/0/00", "0/0/0000", "1/1/4501"]);
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A calendar date as written by the apps people export from: `YYYY-MM-DD` (and `YYYYMMDD`); a
 * day/month/year with slashes, read month first as Outlook (US) writes it unless the first number
 * cannot be a month; a day without a year (`--03-14`, Google and vCard) is kept aside.
 */
export function readDate(cell: string): CellReading {
  if (OUTLOOK_NO_DATE.has(cell)) return { value: undefined };
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(cell);
  if (compact) return { value: `${compact[1]}-${compact[2]}-${compact[3]}` };
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(cell);
  if (noYear) {
    const month = MONTHS[Number(noYear[1]) - 1];
    if (month) return { value: undefined, aside: `Birthday: ${Number(noYear[2])} ${month} (no year given)` };
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell);
  if (slashed) {
    const [first, second] = [Number(slashed[1]), Number(slashed[2])];
    const [month, day] = first > 12 ? [second, first] : [first, second];
    return { value: `${slashed[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
  }
  return { value: cell };
}

const asText = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** How each kind of column is written on export and read on import. */
export const CELL_FORMATS: Record<CsvCellKind, CellFormat> = {
  text: { write: asText, read: (cell) => ({ value: cell }) },
  date: { write: asText, read: readDate },
  instant: {
    write: asText,
    // A bare date is read as midnight UTC: spreadsheets often hold "last visit" as a day.
    read: (cell) => ({ value: /^\d{4}-\d{2}-\d{2}$/.test(cell) ? `${cell}T00:00:00Z` : cell }),
  },
  list: {
    write: (value) => (Array.isArray(value) ? writeList(value.map(String)) : ""),
    read: (cell) => ({ value: readList(cell) }),
  },
  tags: {
    write: (value) => (Array.isArray(value) ? writeList(value.map(String)) : ""),
    read: (cell) => ({ value: readTags(cell) }),
  },
  boolean: {
    write: (value) => (value === true ? "yes" : value === false ? "no" : ""),
    read: (cell) => {
      const value = BOOLEAN_WORDS[cell.toLowerCase()];
      return value === undefined ? { error: "Use yes or no" } : { value };
    },
  },
  choice: {
    write: asText,
    read: (cell, column) => {
      const choices = CHOICES[column.field] ?? [];
      const value = choices.find((choice) => choice.toLowerCase() === cell.toLowerCase());
      return value === undefined ? { error: `Use one of: ${choices.join(", ")}` } : { value };
    },
  },
};

/** Characters that make a spreadsheet read a cell as a formula (or hide its start). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Export: a cell a spreadsheet would run as a formula gets a leading `'` (also one already starting `'` + trigger, so import stays exact). */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Import: undoes `neutraliseFormula`, so exported values (and cells typed with a protective `'`) come back as they were. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
