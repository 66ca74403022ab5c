import { sql, type SQL } from "drizzle-orm";

/**
 * How a search box query is matched, from best to weakest: the name starts with it (or a word of
 * the name does), the name contains it, the email or phone contains it, a note mentions it. The
 * matching and ranking run in `public.contact_search_hits` (migration 0005), where the trigram and
 * full-text indexes can be used despite row level security.
 */
export interface SearchTerms {
  /** ILIKE patterns over the name (trigram index). */
  nameContains: string;
  namePrefix: string;
  nameWordPrefix: string;
  /** LIKE over the lower-cased email; absent when the query has spaces (no email has). */
  emailContains?: string;
  /** LIKE over the phone's digits; only when the query looks like part of a phone number. */
  phoneDigitsContains?: string;
  /** A `to_tsquery('simple', …)` of word prefixes for note text; only words of 3+ characters. */
  noteQuery?: string;
}

const MIN_PHONE_DIGITS = 3;
const MIN_NOTE_WORD = 3;
const MAX_NOTE_WORDS = 8;

/** `%` and `_` are wildcards in LIKE; a practitioner typing them means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

export function searchTerms(query: string): SearchTerms | undefined {
  const text = query.trim().replace(/\s+/g, " ");
  if (text === "") return undefined;
  const escaped = escapeLike(text);
  const terms: SearchTerms = {
    nameContains: `%${escaped}%`,
    namePrefix: `${escaped}%`,
    nameWordPrefix: `% ${escaped}%`,
  };
  if (!text.includes(" ")) terms.emailContains = `%${escapeLike(text.toLowerCase())}%`;
  const digits = text.replace(/\D/g, "");
  if (/^[0-9+()./\s-]+$/.test(text) && digits.length >= MIN_PHONE_DIGITS) terms.phoneDigitsContains = `%${digits}%`;
  // Letters and digits only, so nothing in the query can be read as tsquery syntax.
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= MIN_NOTE_WORD);
  if (words.length > 0) {
    terms.noteQuery = words
      .slice(0, MAX_NOTE_WORDS)
      .map((word) => `${word}:*`)
      .join(" & ");
  }
  return terms;
}

/** `(id, rank)` of every client of the signed-in user (auth.uid()) the terms match, best rank per client. */
export function searchHits(terms: SearchTerms): SQL {
  return sql`select contact_id as id, rank from public.contact_search_hits(
    ${terms.nameContains}, ${terms.namePrefix}, ${terms.nameWordPrefix},
    ${terms.emailContains ?? null}, ${terms.phoneDigitsContains ?? null}, ${terms.noteQuery ?? null})`;
}
