import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters } from "@/lib/contracts/contact-list";
import type { ContactCursor, SortOrder } from "./contact-cursor";
import { afterKey, filterConditions, where } from "./contact-query";
import { SUMMARY_COLUMNS } from "./contact-row";
import { rankCondition, SEARCH_RANKS, type SearchRank, type SearchTerms } from "./contact-search";

/** One query of a page, given how many rows the page still needs. */
export type PageQuery = (rowsWanted: number) => SQL;

/** Name-index entries read in order before falling back to the trigram index (see nameRankIds). */
const SCAN_WINDOW = 5_000;

/** Ranks matched on the name, which the (user_id, display_name, id) index can walk in page order. */
const NAME_RANKS: ReadonlySet<SearchRank> = new Set([0, 1]);

interface RankQuery {
  /** Filters, the caller's id and (on the cursor's rank) the position after the cursor. */
  base: SQL[];
  match: SQL;
  order: SortOrder;
  rowsWanted: number;
}

/**
 * Ids of a name rank, in page order, whatever the fragment's frequency (Postgres estimates ILIKE
 * poorly, so the choice is made here). The name index is walked in page order, checking each name,
 * and the walk stops at a full page: quick for a common fragment. Only when SCAN_WINDOW names held
 * too few matches (a rare fragment, or few clients) are all matches collected through the trigram
 * index instead, and sorted: cheap precisely because they are few.
 */
function nameRankIds({ base, match, order, rowsWanted }: RankQuery): SQL {
  const direction = sql.raw(order);
  return sql`
    with walked as materialized (
      select id, display_name
        from (select c.id, c.display_name, ${match} as hit
                from app_search.my_contacts c
               where ${where(base)}
               order by c.display_name ${direction}, c.id ${direction}
               limit ${SCAN_WINDOW}) as window_rows
       where hit
       limit ${rowsWanted}
    ),
    found as (
      select id, display_name from walked where (select count(*) from walked) >= ${rowsWanted}
      union all
      (select c.id, c.display_name
         from app_search.my_contacts c
        where (select count(*) from walked) < ${rowsWanted} and ${where([...base, match])}
        ${trigramOrder(order)}
        limit ${rowsWanted})
    )
    select id from found order by display_name ${direction}, id ${direction}`;
}

/**
 * Page order written as an expression (same collation, same order), so the planner collects the
 * matches through the trigram or full-text index and sorts them, instead of walking the name index.
 */
function trigramOrder(order: SortOrder): SQL {
  const direction = sql.raw(order);
  return sql`order by c.display_name || '' ${direction}, c.id ${direction}`;
}

/** Ids of the email/phone and note ranks: reached when names did not fill the page, found by index. */
function indexedRankIds({ base, match, order, rowsWanted }: RankQuery): SQL {
  return sql`
    select c.id from app_search.my_contacts c
     where ${where([...base, match])}
     ${trigramOrder(order)}
     limit ${rowsWanted}`;
}

/**
 * Relevance: one query per rank, run in order until the page is full, each listing its ids first and
 * then reading the full rows of just those by primary key. A common fragment is answered by the
 * first rank alone; note search runs only when names, emails and phones did not fill the page.
 */
export function relevanceQueries(
  userId: string,
  filters: ContactFilters,
  terms: SearchTerms,
  order: SortOrder,
  cursor?: ContactCursor,
): PageQuery[] {
  const cursorRank = cursor ? Number(cursor.keys[0]) : undefined;
  const ranks = SEARCH_RANKS.filter((rank) =>
    cursorRank === undefined ? true : order === "asc" ? rank >= cursorRank : rank <= cursorRank,
  );
  if (order === "desc") ranks.reverse();
  return ranks.map((rank) => (rowsWanted) => {
    const base = filterConditions(userId, filters);
    if (cursor && rank === cursorRank)
      base.push(afterKey(sql`c.display_name`, sql`text`, cursor.keys[1] ?? "", cursor.id, order));
    const query = { base, match: rankCondition(terms, rank), order, rowsWanted };
    const ids = NAME_RANKS.has(rank) ? nameRankIds(query) : indexedRankIds(query);
    const direction = sql.raw(order);
    return sql`
      select ${SUMMARY_COLUMNS}, ${sql.raw(String(rank))} as sort_key_0, c.display_name as sort_key_1
        from (${ids}) as page
        join public.contacts c on c.id = page.id
       order by c.display_name ${direction}, c.id ${direction}`;
  });
}
