import { sql, type SQL } from "drizzle-orm";

/**
 * How a search box query is matched, from best to weakest (the rank): the name starts with it (or
 * a word of the name does), the name contains it, the email or phone contains it, a note mentions
 * it. Search reads `app_search.my_contacts`/`my_notes` (migration 0005), the caller's own rows
 * without row level security, so Postgres may use the trigram and full-text indexes.
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

export const SEARCH_RANKS = [0, 1, 2, 3] as const;
export type SearchRank = (typeof SEARCH_RANKS)[number];

/** The conditions over `app_search.my_contacts c` that each part of the ranking is built from. */
function matchers(terms: SearchTerms) {
  const namePrefix = sql`(c.display_name ilike ${terms.namePrefix} or c.display_name ilike ${terms.nameWordPrefix})`;
  const nameContains = sql`c.display_name ilike ${terms.nameContains}`;
  const contactDetails = [
    terms.emailContains === undefined ? undefined : sql`c.email_normalized like ${terms.emailContains}`,
    terms.phoneDigitsContains === undefined ? undefined : sql`c.phone_normalized like ${terms.phoneDigitsContains}`,
  ].filter((condition) => condition !== undefined);
  const emailOrPhone = contactDetails.length > 0 ? sql`(${sql.join(contactDetails, sql` or `)})` : sql`false`;
  const noteText =
    terms.noteQuery === undefined
      ? sql`false`
      : sql`c.id in (select n.contact_id from app_search.my_notes n
                      where to_tsvector('simple', n.body_text) @@ to_tsquery('simple', ${terms.noteQuery}))`;
  return { namePrefix, nameContains, emailOrPhone, noteText };
}

/** Clients matching the query at exactly this rank (each client counts once, at its best rank). */
export function rankCondition(terms: SearchTerms, rank: SearchRank): SQL {
  const match = matchers(terms);
  const conditions: Record<SearchRank, SQL> = {
    0: match.namePrefix,
    1: sql`${match.nameContains} and not ${match.namePrefix}`,
    2: sql`${match.emailOrPhone} and not ${match.nameContains}`,
    // `is not true`: a missing email or phone is "no match", not unknown.
    3: sql`${match.noteText} and (${match.nameContains} or ${match.emailOrPhone}) is not true`,
  };
  return conditions[rank];
}

/**
 * The name ranks' conditions for a walk of the name index, where every name is checked: the same
 * matches as rankCondition, written with lower() and LIKE, which cost about half of two ILIKEs.
 * (Only rankCondition's ILIKE can use the trigram index.)
 */
export function walkCondition(terms: SearchTerms, rank: 0 | 1): SQL {
  const wordStart = sql`lower(' ' || c.display_name) like lower(${terms.nameWordPrefix})`;
  if (rank === 0) return wordStart;
  return sql`lower(c.display_name) like lower(${terms.nameContains}) and not ${wordStart}`;
}

/** Clients matching the query at any rank (count, and the date and name sorts). */
export function anyMatch(terms: SearchTerms): SQL {
  const match = matchers(terms);
  return sql`(${match.nameContains} or ${match.emailOrPhone} or ${match.noteText})`;
}
