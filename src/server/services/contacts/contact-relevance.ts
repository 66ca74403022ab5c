import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters } from "@/lib/contracts/contact-list";
import type { ContactCursor, SortOrder } from "./contact-cursor";
import { afterKey, filterConditions, where } from "./contact-query";
import { SUMMARY_COLUMNS } from "./contact-row";
import { rankCondition, SEARCH_RANKS, walkCondition, type SearchRank, type SearchTerms } from "./contact-search";

/** One query of a page, given how many rows the page still needs. */
export type PageQuery = (rowsWanted: number) => SQL;

/** A step of a page: `walk`, when given, is tried first and kept only if it returns every row wanted. */
export interface PageStep {
  walk?: PageQuery;
  query: PageQuery;
}

/** Name-index entries a walk reads before the trigram index is used instead (see walkedNameIds). */
const SCAN_WINDOW = 5_000;

/** Ranks matched on the name, which the (user_id, display_name, id) index can walk in page order. */
const isNameRank = (rank: SearchRank): rank is 0 | 1 => rank === 0 || rank === 1;

interface RankQuery {
  /** Filters, the caller's id and (on the cursor's rank) the position after the cursor. */
  base: SQL[];
  match: SQL;
  order: SortOrder;
  rowsWanted: number;
}

/**
 * Ids of a name rank from a walk of the name index in page order, checking each name and stopping
 * at a full page: quick for a common fragment, whatever Postgres estimates for ILIKE (poorly).
 * At most SCAN_WINDOW names are read; fewer matches than wanted means "use the trigram index".
 */
function walkedNameIds({ base, match, order, rowsWanted }: RankQuery): SQL {
  const direction = sql.raw(order);
  return sql`
    select id
      from (select c.id, ${match} as hit
              from app_search.my_contacts c
             where ${where(base)}
             order by c.display_name ${direction}, c.id ${direction}
             limit ${SCAN_WINDOW}) as walked
     where hit
     limit ${rowsWanted}`;
}

/**
 * Page order written as an expression (same collation, same order), so the planner collects the
 * matches through the trigram or full-text index and sorts them, instead of walking the name index.
 */
function trigramOrder(order: SortOrder): SQL {
  const direction = sql.raw(order);
  return sql`order by c.display_name || '' ${direction}, c.id ${direction}`;
}

/** Ids of a rank found through the trigram or full-text index, then sorted: right when matches are few. */
function indexedIds({ base, match, order, rowsWanted }: RankQuery): SQL {
  return sql`
    select c.id from app_search.my_contacts c
     where ${where([...base, match])}
     ${trigramOrder(order)}
     limit ${rowsWanted}`;
}

/** The full rows of a page of ids, by primary key, in page order. */
function pageRows(ids: SQL, rank: SearchRank, order: SortOrder): SQL {
  const direction = sql.raw(order);
  return sql`
    select ${SUMMARY_COLUMNS}, ${sql.raw(String(rank))} as sort_key_0, c.display_name as sort_key_1
      from (${ids}) as page
      join public.contacts c on c.id = page.id
     order by c.display_name ${direction}, c.id ${direction}`;
}

/**
 * Relevance: one step per rank, run in order until the page is full. Name ranks first try a walk of
 * the name index (kept only when it fills what the page still needs); otherwise the rank's matches
 * come from the trigram or full-text index. A common fragment is answered by one query; note search
 * runs only when names, emails and phones did not fill the page.
 */
export function relevanceSteps(
  userId: string,
  filters: ContactFilters,
  terms: SearchTerms,
  order: SortOrder,
  cursor?: ContactCursor,
): PageStep[] {
  const cursorRank = cursor ? Number(cursor.keys[0]) : undefined;
  const ranks = SEARCH_RANKS.filter((rank) =>
    cursorRank === undefined ? true : order === "asc" ? rank >= cursorRank : rank <= cursorRank,
  );
  if (order === "desc") ranks.reverse();
  return ranks.map((rank) => {
    const query = (rowsWanted: number, match: SQL): RankQuery => {
      const base = filterConditions(userId, filters);
      if (cursor && rank === cursorRank)
        base.push(afterKey(sql`c.display_name`, sql`text`, cursor.keys[1] ?? "", cursor.id, order));
      return { base, match, order, rowsWanted };
    };
    const lookup: PageQuery = (rowsWanted) =>
      pageRows(indexedIds(query(rowsWanted, rankCondition(terms, rank))), rank, order);
    if (!isNameRank(rank)) return { query: lookup };
    const walk: PageQuery = (rowsWanted) =>
      pageRows(walkedNameIds(query(rowsWanted, walkCondition(terms, rank))), rank, order);
    return { walk, query: lookup };
  });
}
