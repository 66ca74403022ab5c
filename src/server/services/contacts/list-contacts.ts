import { listContactsQuery, type ContactListResponse, type ListContactsQuery } from "@/lib/contracts/contact-list";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { RawJson } from "@/server/db/raw-json";
import type { UserContext } from "./context";
import { encodeCursor } from "./contact-cursor";
import { withCallerValues } from "./database-errors";
import type { SummaryJsonRow } from "./contact-row";
import { contactPagePlan, type PageQuery } from "./contact-statements";
import { cachedPage, pageKey, rememberPage } from "./list-page-cache";
import { readClientListVersion } from "./list-version";

export { listContactsQuery as listContactsInput };

type PageRow = SummaryJsonRow & { sort_key_0: string | number; sort_key_1?: string };

/**
 * One page of the practitioner's clients: filtered in SQL, searched through the trigram and
 * full-text indexes, ordered by a keyset so every row appears exactly once across pages.
 * Postgres writes each row's JSON, so the page is sent without being parsed and serialised again.
 * A page asked for again while the practitioner's client-list version is unchanged (nothing it
 * shows or matches was written since) comes from memory, after one version read.
 */
export async function listContactsJson(
  context: UserContext,
  input: ListContactsQuery,
): Promise<RawJson<ContactListResponse>> {
  // Read before the page: a page is never older than the version it is kept under.
  const version = context.clientListVersion ?? (await readClientListVersion(context.userId));
  const key = pageKey(context.userId, input);
  const cached = cachedPage(key, version);
  if (cached !== undefined) return new RawJson(cached);
  const text = await buildPage(context, input);
  rememberPage(key, version, text);
  return new RawJson(text);
}

async function buildPage(context: UserContext, input: ListContactsQuery): Promise<string> {
  const { steps, sort, order } = contactPagePlan(context.userId, input);
  // One row more than the page tells whether another page follows.
  const wanted = input.limit + 1;
  const rows = await withCallerValues(() =>
    withUserDb(context.userId, async (tx) => {
      const found: PageRow[] = [];
      const read = async (query: PageQuery, rowsWanted: number) =>
        resultRows<PageRow>(await tx.execute(query(rowsWanted)));
      for (const step of steps) {
        const rowsWanted = wanted - found.length;
        if (rowsWanted <= 0) break;
        const walked = step.walk ? await read(step.walk, rowsWanted) : [];
        found.push(...(walked.length === rowsWanted ? walked : await read(step.query, rowsWanted)));
      }
      return found;
    }),
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const keys = last ? [last.sort_key_0, ...(last.sort_key_1 === undefined ? [] : [last.sort_key_1])] : [];
  const nextCursor = rows.length > input.limit && last ? encodeCursor({ sort, order, keys, id: last.id }) : null;
  const items = page.map((row) => row.item).join(",");
  return `{"items":[${items}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}

/**
 * The same page as objects, for callers inside the server (e.g. the CSV export), always built
 * anew: a one-off walk through every page would only push the pages people revisit out of memory.
 */
export async function listContacts(context: UserContext, input: ListContactsQuery): Promise<ContactListResponse> {
  return JSON.parse(await buildPage(context, input)) as ContactListResponse;
}
