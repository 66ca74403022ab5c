import { sql, type SQL } from "drizzle-orm";

/**
 * How a search box query is matched, from best to weakest (the rank): the name starts with it (or
 * a word of the name does), the name contains it, the email or phone contains it, a note mentions
 * it. Search reads `app_search.my_contacts`/`my_notes` (migration 0005), the caller's own rows
 * without row level security, so Postgres may use the trigram and full-text indexes.
 * Names, emails and note text are compared folded (`app_search.fold`, migration 0011: lower case,
 * accents removed) on both sides, in SQL, so "angstrom" finds "Ångström" through the folded indexes.
 */
export interface SearchTerms {
  /** LIKE patterns over the folded name (trigram index); the pattern is folded in SQL too. */
  nameContains: string;
  namePrefix: string;
  nameWordPrefix: string;
  /** LIKE over the folded email; absent when the query has spaces (no email has). */
  emailContains?: string;
  /** LIKE over the phone's digits; only when the query looks like part of a phone number. */
  phoneDigitsContains?: string;
  /** Words whose prefixes a note must all contain (see noteQuery); only words of 3+ characters. */
  noteWords?: string[];
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
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= MIN_NOTE_WORD);
  if (words.length > 0) terms.noteWords = words.slice(0, MAX_NOTE_WORDS);
  return terms;
}

/** A text folded the way the indexes are built (lower case, no accents), by the database itself. */
const folded = (value: SQL) => sql`app_search.fold(${value})`;

/** The same fold, inlined into the query: cheaper per row, for conditions no index serves. */
const foldedInline = (value: SQL) => sql`app_search.fold_inline(${value})`;

/**
 * `'word':* & …` over the folded words: each word is folded, then quoted by the database, so nothing a
 * practitioner types (or a fold produces, such as an apostrophe) can be read as tsquery syntax.
 */
function noteQuery(words: string[]): SQL {
  return sql`to_tsquery('simple', (select string_agg(quote_literal(app_search.fold(word)) || ':*', ' & ')
                                      from unnest(${`{${words.map((word) => JSON.stringify(word)).join(",")}}`}::text[]) as word))`;
}

export const SEARCH_RANKS = [0, 1, 2, 3] as const;
export type SearchRank = (typeof SEARCH_RANKS)[number];

/** The conditions over `app_search.my_contacts c` that each part of the ranking is built from. */
function matchers(terms: SearchTerms) {
  const name = folded(sql`c.display_name`);
  const namePrefix = sql`(${name} like ${folded(sql`${terms.namePrefix}`)} or ${name} like ${folded(sql`${terms.nameWordPrefix}`)})`;
  const nameContains = sql`${name} like ${folded(sql`${terms.nameContains}`)}`;
  const contactDetails = [
    terms.emailContains === undefined
      ? undefined
      : sql`${folded(sql`c.email_normalized`)} like ${folded(sql`${terms.emailContains}`)}`,
    terms.phoneDigitsContains === undefined ? undefined : sql`c.phone_normalized like ${terms.phoneDigitsContains}`,
  ].filter((condition) => condition !== undefined);
  const emailOrPhone = contactDetails.length > 0 ? sql`(${sql.join(contactDetails, sql` or `)})` : sql`false`;
  const noteText =
    terms.noteWords === undefined
      ? sql`false`
      : // An array rather than `in (select …)`, so an OR with the name and email conditions can be one
        // BitmapOr of their indexes and the primary key instead of a scan of every client.
        sql`c.id = any(array(select n.contact_id from app_search.my_notes n
                              where to_tsvector('simple', app_search.fold(n.body_text)) @@ ${noteQuery(terms.noteWords)}))`;
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
 * matches as rankCondition, with the prefix and word-prefix patterns as one LIKE over ' ' || name,
 * and the names folded inline (only rankCondition's form can use the trigram index).
 */
export function walkCondition(terms: SearchTerms, rank: 0 | 1): SQL {
  const name = foldedInline(sql`c.display_name`);
  const wordStart = sql`(' ' || ${name}) like ${folded(sql`${terms.nameWordPrefix}`)}`;
  if (rank === 0) return wordStart;
  return sql`${name} like ${folded(sql`${terms.nameContains}`)} and not ${wordStart}`;
}

/** Clients matching the query at any rank (count, and the date and name sorts). */
export function anyMatch(terms: SearchTerms): SQL {
  const match = matchers(terms);
  return sql`(${match.nameContains} or ${match.emailOrPhone} or ${match.noteText})`;
}
