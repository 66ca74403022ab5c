import { sql, type SQL } from "drizzle-orm";
import { DUPLICATE_REASONS, type DuplicateClient, type DuplicateReason } from "@/lib/contracts/contact-duplicates";
import type { ContactSource } from "@/lib/contracts/contacts";

/**
 * What makes two clients look like one person, as SQL over a contacts row `c` (migration 0015 indexes
 * the phone and name keys; the email key has its index since 0005). Written exactly as the index
 * expressions, or the indexes go unused.
 */
export const PHONE_KEY = (row: SQL) => sql`right(${row}.phone_normalized, 9)`;
export const NAME_KEY = (row: SQL) => sql`app_search.fold(${row}.display_name)`;

/** Folded names at least this similar (pg_trgm, 0…1) are "similar": "Sam Lee" ~ "Samuel Lee", not ~ "Ann Lee". */
export const NAME_SIMILARITY = 0.5;

/** The columns a suggestion shows, over a contacts row `c`. */
export const DUPLICATE_CLIENT_COLUMNS = sql`c.id, c.display_name, c.email, c.phone, c.source,
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at`;

export interface DuplicateClientRow {
  id: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  source: ContactSource;
  created_at: string;
}

export function toDuplicateClient(row: DuplicateClientRow): DuplicateClient {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    phone: row.phone,
    source: row.source,
    createdAt: row.created_at,
  };
}

/** Reasons in their fixed order (email, phone, name), whatever order the database grouped them in. */
export function orderedReasons(reasons: string[] | string): DuplicateReason[] {
  const found = new Set(typeof reasons === "string" ? reasons.replace(/[{}]/g, "").split(",") : reasons);
  return DUPLICATE_REASONS.filter((reason) => found.has(reason));
}

/** A pair as the dismissals table spells it: the smaller id first. */
export function orderedPair(first: string, second: string): [string, string] {
  return first < second ? [first, second] : [second, first];
}
