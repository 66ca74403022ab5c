import fc from "fast-check";
import { CONTACT_SORTS } from "@/lib/contracts/contact-list";
import { hostileString } from "./hostile-input";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

const offsetText = fc.oneof(
  fc.constant("Z"),
  fc
    .tuple(
      fc.constantFrom("+", "-"),
      fc.integer({ min: 0, max: 99 }),
      fc.option(fc.integer({ min: 0, max: 99 })),
      fc.option(fc.integer({ min: 0, max: 99 })),
    )
    .map(([sign, hours, minutes, seconds]) => {
      const tail = minutes === null ? "" : `:${pad(minutes)}${seconds === null ? "" : `:${pad(seconds)}`}`;
      return `${sign}${pad(hours)}${tail}`;
    }),
);

/**
 * Timestamps shaped like the ones cursors carry, with every field pushed past what Postgres reads:
 * year 0 and 5-digit years, month 13, day 32 and February 29, hour 24, offsets past ±15:59, long fractions.
 */
export const hostileTimestampText: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      year: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 1, 4, 100, 2024, 9999)),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constant(29)),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 61 }),
      second: fc.integer({ min: 0, max: 61 }),
      fraction: fc.stringMatching(/^(\.\d{0,9})?$/),
      separator: fc.constantFrom("T", " "),
      offset: offsetText,
    })
    .map(
      (t) =>
        `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.fraction}${t.offset}`,
    ),
  fc.constantFrom(
    "0000-01-01T00:00:00Z",
    "0000-01-01 00:00:00+00",
    "infinity",
    "-infinity",
    "epoch",
    "now",
    "allballs",
  ),
  hostileString,
);

const asCursorText = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Notes and audit-log cursors (`{ at, id }`) with crafted times and ids. */
export const hostileKeysetCursor: fc.Arbitrary<string> = fc
  .record({ at: hostileTimestampText, id: fc.oneof(fc.uuid(), hostileString) })
  .map(asCursorText);

interface ContactCursorFields {
  sort: (typeof CONTACT_SORTS)[number];
  order: "asc" | "desc";
  keys: unknown[];
  id: string;
}

/** The client-list query string for a cursor of the given fields, with the sort and order it names. */
export function contactCursorQuery({ sort, order, keys, id }: ContactCursorFields): string {
  const cursor = asCursorText({ s: sort, o: order, k: keys, id });
  return new URLSearchParams({ sort, order, cursor, ...(sort === "relevance" ? { q: "Ana" } : {}) }).toString();
}

/** A client-list query whose cursor matches its sort and order, so the crafted keys reach the database. */
export const hostileContactCursorQuery: fc.Arbitrary<string> = fc
  .record({
    sort: fc.constantFrom(...CONTACT_SORTS),
    order: fc.constantFrom<"asc" | "desc">("asc", "desc"),
    keys: fc.oneof(
      fc.tuple(hostileTimestampText),
      fc.tuple(fc.integer({ min: -1, max: 10 }), fc.oneof(hostileString, fc.string())),
      fc.tuple(fc.oneof(hostileString, fc.string({ minLength: 1 }))),
    ),
    id: fc.oneof(fc.uuid(), hostileString),
  })
  .map(contactCursorQuery);
