import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters, ContactSort, ListContactsQuery } from "@/lib/contracts/contact-list";
import { AppError } from "@/server/http/app-error";
import { decodeCursor, type ContactCursor, type SortOrder } from "./contact-cursor";
import { afterKey, filterConditions, orderBy, SORTS, where } from "./contact-query";
import { SUMMARY_COLUMNS } from "./contact-row";
import { anyMatch, rankCondition, SEARCH_RANKS, searchTerms, type SearchTerms } from "./contact-search";

/** One query of a page, given how many rows the page still needs. */
export type PageQuery = (rowsWanted: number) => SQL;

export interface PagePlan {
  sort: ContactSort;
  order: SortOrder;
  /** Run in order until the page is full: one per rank for relevance, else just one. */
  queries: PageQuery[];
}

function resolveSort(requested: ContactSort | undefined, searching: boolean): ContactSort {
  const sort = requested ?? (searching ? "relevance" : "name");
  if (sort === "relevance" && !searching)
    throw new AppError("validation_failed", "Sorting by relevance needs a search (q)", {
      details: [{ path: "sort", message: "Sorting by relevance needs a search (q)" }],
    });
  return sort;
}

/**
 * Relevance: one ordered query per rank, each starting after the cursor, so a common fragment is
 * answered from the first rank alone and note search runs only when names did not fill the page.
 */
function relevanceQueries(
  userId: string,
  input: ListContactsQuery,
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
    const conditions = [...filterConditions(userId, input), rankCondition(terms, rank)];
    if (cursor && rank === cursorRank)
      conditions.push(afterKey(sql`c.display_name`, sql`text`, cursor.keys[1] ?? "", cursor.id, order));
    // Ids first, from the (user_id, display_name, id) index alone when the planner walks it in order;
    // the full rows of just this page are then read by primary key.
    return sql`
      select ${SUMMARY_COLUMNS}, ${sql.raw(String(rank))} as sort_key_0, c.display_name as sort_key_1
        from (select c.id
                from app_search.my_contacts c
               where ${where(conditions)}
               order by ${orderBy(sql`c.display_name`, order)}
               limit ${rowsWanted}) as page
        join public.contacts c on c.id = page.id
       order by ${orderBy(sql`c.display_name`, order)}`;
  });
}

/** The queries behind one page of the clients list (also what the benchmark EXPLAINs). */
export function contactPagePlan(userId: string, input: ListContactsQuery): PagePlan {
  const terms = input.q === undefined ? undefined : searchTerms(input.q);
  const sort = resolveSort(input.sort, terms !== undefined);
  const order = input.order ?? (sort === "relevance" ? "asc" : SORTS[sort].defaultOrder);
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, order) : undefined;
  if (sort === "relevance")
    return { sort, order, queries: relevanceQueries(userId, input, terms as SearchTerms, order, cursor) };

  const { key, type } = SORTS[sort];
  const conditions = filterConditions(userId, input);
  if (terms) conditions.push(anyMatch(terms));
  if (cursor) conditions.push(afterKey(key, type, cursor.keys[0] ?? "", cursor.id, order));
  // Searching reads the owner-rights view so the indexes are usable; plain listing reads the table under RLS.
  const from = terms ? sql`app_search.my_contacts c` : sql`public.contacts c`;
  const query: PageQuery = (rowsWanted) => sql`
    select ${SUMMARY_COLUMNS}, ${key}::text as sort_key_0
      from ${from}
     where ${where(conditions)}
     order by ${orderBy(key, order)}
     limit ${rowsWanted}`;
  return { sort, order, queries: [query] };
}

/** The count of the same filters and search. */
export function contactCountStatement(userId: string, input: ContactFilters): SQL {
  const terms = input.q === undefined ? undefined : searchTerms(input.q);
  const conditions = filterConditions(userId, input);
  if (!terms) return sql`select count(*)::int as count from public.contacts c where ${where(conditions)}`;
  return sql`select count(*)::int as count from app_search.my_contacts c where ${where([...conditions, anyMatch(terms)])}`;
}
