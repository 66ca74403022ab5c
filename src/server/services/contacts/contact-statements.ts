import { sql, type SQL } from "drizzle-orm";
import type { ContactFilters, ContactSort, ListContactsQuery } from "@/lib/contracts/contact-list";
import { decodeCursor, type SortOrder } from "./contact-cursor";
import { afterCursor, contactSource, filterConditions, keyColumns, orderBy, resolveSort, SORTS } from "./contact-query";
import { SUMMARY_COLUMNS } from "./contact-row";

export interface PageStatement {
  statement: SQL;
  sort: ContactSort;
  order: SortOrder;
}

/** The one SELECT behind a page of the clients list (also what the benchmark EXPLAINs). */
export function contactPageStatement(userId: string, input: ListContactsQuery): PageStatement {
  const { from, searching } = contactSource(input.q);
  const sort = resolveSort(input.sort, searching);
  const spec = SORTS[sort];
  const order = input.order ?? spec.defaultOrder;
  const conditions = filterConditions(userId, input);
  if (input.cursor) conditions.push(afterCursor(spec, decodeCursor(input.cursor, sort, order)));
  const statement = sql`
    select ${SUMMARY_COLUMNS}, ${keyColumns(spec)}
      from ${from}
     where ${sql.join(conditions, sql` and `)}
     order by ${orderBy(spec, order)}
     limit ${input.limit + 1}`;
  return { statement, sort, order };
}

/** The count of the same filters and search. */
export function contactCountStatement(userId: string, input: ContactFilters): SQL {
  const { from } = contactSource(input.q);
  return sql`select count(*)::int as count from ${from} where ${sql.join(filterConditions(userId, input), sql` and `)}`;
}
