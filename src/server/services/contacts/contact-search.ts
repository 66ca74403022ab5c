import { sql, type SQL } from "drizzle-orm";

/**
 * How a search box query is matched, from best to weakest: the name starts with it (or a word of
 * the name does), the name contains it, the email or phone contains it, a note mentions it.
 */
export const SEARCH_RANK = { namePrefix: 0, nameContains: 1, emailOrPhone: 2, noteText: 3 } as const;

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

/** A rank as a literal: a constant of this file, never input. */
const rank = (name: keyof typeof SEARCH_RANK) => sql.raw(String(SEARCH_RANK[name]));

/**
 * `(id, rank)` of every client of the user the query matches, best rank per client. Each branch is
 * one index: trigram GIN on name, email and phone digits, full-text GIN on note text.
 */
export function searchHits(userId: string, terms: SearchTerms): SQL {
  const branches: SQL[] = [
    sql`select id, case when display_name ilike ${terms.namePrefix} or display_name ilike ${terms.nameWordPrefix}
                        then ${rank("namePrefix")} else ${rank("nameContains")} end as rank
          from public.contacts where user_id = ${userId} and display_name ilike ${terms.nameContains}`,
  ];
  if (terms.emailContains) {
    branches.push(sql`select id, ${rank("emailOrPhone")} from public.contacts
                       where user_id = ${userId} and email_normalized like ${terms.emailContains}`);
  }
  if (terms.phoneDigitsContains) {
    branches.push(sql`select id, ${rank("emailOrPhone")} from public.contacts
                       where user_id = ${userId} and phone_normalized like ${terms.phoneDigitsContains}`);
  }
  if (terms.noteQuery) {
    branches.push(sql`select contact_id, ${rank("noteText")} from public.notes
                       where user_id = ${userId}
                         and to_tsvector('simple', body_text) @@ to_tsquery('simple', ${terms.noteQuery})`);
  }
  return sql`select id, min(rank)::int as rank from (${sql.join(branches, sql` union all `)}) as hit (id, rank) group by id`;
}
