import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters, ContactSort, ListContactsQuery } from "@/lib/contracts/contact-list";
import { AppError } from "@/server/errors";
import { decodeCursor, type SortOrder } from "./contact-cursor";
import { afterKey, filterConditions, orderBy, SORTS, where } from "./contact-query";
import { relevanceSteps, type PageQuery, type PageStep } from "./contact-relevance";
import { SUMMARY_COLUMNS } from "./contact-row";
import { anyMatch, searchTerms, type SearchTerms } from "./contact-search";

export type { PageQuery, PageStep };

export interface PagePlan {
  sort: ContactSort;
  order: SortOrder;
  /** Run in order until the page is full: one per rank for relevance, else just one. */
  steps: PageStep[];
}

function resolveSort(requested: ContactSort | undefined, searching: boolean): ContactSort {
  const sort = requested ?? (searching ? "relevance" : "name");
  if (sort === "relevance" && !searching)
    throw new AppError("validation_failed", "Sorting by relevance needs a search (q)", {
      details: [{ path: "sort", message: "Sorting by relevance needs a search (q)" }],
    });
  return sort;
}

/** The queries behind one page of the clients list (also what the benchmark EXPLAINs). */
export function contactPagePlan(userId: string, input: ListContactsQuery): PagePlan {
  const terms = input.q === undefined ? undefined : searchTerms(input.q);
  const sort = resolveSort(input.sort, terms !== undefined);
  const order = input.order ?? (sort === "relevance" ? "asc" : SORTS[sort].defaultOrder);
  const cursor = input.cursor ? decodeCursor(input.cursor, sort, order) : undefined;
  if (sort === "relevance")
    return { sort, order, steps: relevanceSteps(userId, input, terms as SearchTerms, order, cursor) };

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
  return { sort, order, steps: [{ query }] };
}

/** The clients matching the filters and search: the view with the indexes when searching, else the table. */
function matchingSet(userId: string, input: ContactFilters): { from: SQL; conditions: SQL[] } {
  const terms = input.q === undefined ? undefined : searchTerms(input.q);
  const conditions = filterConditions(userId, input);
  if (!terms) return { from: sql`public.contacts c`, conditions };
  return { from: sql`app_search.my_contacts c`, conditions: [...conditions, anyMatch(terms)] };
}

/** The count of the same filters and search. */
export function contactCountStatement(userId: string, input: ContactFilters): SQL {
  const { from, conditions } = matchingSet(userId, input);
  return sql`select count(*)::int as count from ${from} where ${where(conditions)}`;
}

/** The ids of the clients the count counts, at most `limit` of them (a bulk action by filter). */
export function matchingContactIdsStatement(userId: string, input: ContactFilters, limit: number): SQL {
  const { from, conditions } = matchingSet(userId, input);
  return sql`select c.id from ${from} where ${where(conditions)} limit ${limit}`;
}
