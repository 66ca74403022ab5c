import { apiFilterQuery, apiListQuery, LIST_PAGE_SIZE, parseListParams } from "@/components/clients/list/list-params";
import type { InitialClientList } from "@/components/clients/list/list-params";
import type { ContactListResponse } from "@/lib/contracts/contact-list";
import { countContacts, countContactsInput, listContactsInput, listContactsJson } from "@/server/services/contacts";
import { currentAccount } from "../../current-account";
import { currentPractitionerFormat } from "../../practitioner-format";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The first page of the clients list and its count, built on the server for the URL being rendered,
 * so the rows arrive with the HTML instead of after hydration and a request of their own (the
 * largest paint of the page). The same services, inputs and page cache as `GET /api/contacts` and
 * `/count`; the browser's queries start from it. Null when the URL's filters do not parse: the
 * browser then asks the API, which answers with the field errors.
 */
export async function firstClientsPage(searchParams: SearchParams): Promise<InitialClientList | null> {
  const [account, format] = await Promise.all([currentAccount(), currentPractitionerFormat()]);
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(name, item);
  }
  const params = parseListParams(search);
  const listQuery = apiListQuery(params, format.timeZone);
  const countQuery = apiFilterQuery(params, format.timeZone);
  const listInput = listContactsInput.safeParse({ ...Object.fromEntries(listQuery), limit: String(LIST_PAGE_SIZE) });
  const countInput = countContactsInput.safeParse(Object.fromEntries(countQuery));
  if (!listInput.success || !countInput.success) return null;
  const context = { userId: account.id };
  const [page, count] = await Promise.all([
    listContactsJson(context, listInput.data),
    countContacts(context, countInput.data),
  ]);
  return {
    listQuery: listQuery.toString(),
    page: JSON.parse(page.text) as ContactListResponse,
    countQuery: countQuery.toString(),
    count: count.count,
  };
}
