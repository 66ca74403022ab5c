import { z } from "@/lib/zod";
import { CONTACT_SORTS, type ContactSort } from "@/lib/contracts/contact-list";
import { AppError } from "@/server/errors";
import { isPostgresTimestamp } from "@/server/pagination/postgres-timestamp";

export type SortOrder = "asc" | "desc";

/** The position after the last row of a page: its sort key values and id. */
export interface ContactCursor {
  sort: ContactSort;
  order: SortOrder;
  keys: (string | number)[];
  id: string;
}

/** `timestamptz::text` as Postgres prints it (ISO DateStyle), or the `-infinity` of a client never seen. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** A timestamp as Postgres prints it that it will also read back without error (see isPostgresTimestamp). */
export function isTimestampText(value: string): boolean {
  return value === "-infinity" || (TIMESTAMP_TEXT.test(value) && isPostgresTimestamp(value));
}

const timestampKey = z.string().refine(isTimestampText);
const nameKey = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !value.includes("\u0000"));

/** The key values each sort writes into its cursor, in order. */
const KEY_SCHEMAS: Record<ContactSort, z.ZodType<(string | number)[]>> = {
  name: z.tuple([nameKey]),
  created: z.tuple([timestampKey]),
  updated: z.tuple([timestampKey]),
  lastVisit: z.tuple([timestampKey]),
  relevance: z.tuple([z.number().int().min(0).max(9), nameKey]),
};

const cursorShape = z.strictObject({
  s: z.enum(CONTACT_SORTS),
  o: z.enum(["asc", "desc"]),
  k: z.array(z.union([z.string(), z.number()])).max(3),
  id: z.uuid(),
});

export function encodeCursor(cursor: ContactCursor): string {
  const payload = { s: cursor.sort, o: cursor.order, k: cursor.keys, id: cursor.id };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

function invalid(): AppError {
  return new AppError("bad_request", "This page link is no longer valid; start again from the first page");
}

/** Reads a cursor the API gave out; anything else (edited, or for another sort) is a 400. */
export function decodeCursor(text: string, sort: ContactSort, order: SortOrder): ContactCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const shape = cursorShape.safeParse(raw);
  if (!shape.success || shape.data.s !== sort || shape.data.o !== order) throw invalid();
  const keys = KEY_SCHEMAS[sort].safeParse(shape.data.k);
  if (!keys.success) throw invalid();
  return { sort, order, keys: keys.data, id: shape.data.id };
}
