"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { contactCountResponse, contactListResponse } from "@/lib/contracts/contact-list";
import type { ContactSummary } from "@/lib/contracts/contacts";
import { apiFilterQuery, apiListQuery, LIST_PAGE_SIZE, type InitialClientList, type ListParams } from "./list-params";

/** Every cached list, count and page of clients sits under this key, so one invalidation refreshes them all. */
export const CONTACTS_QUERY_KEY = queryKeys.contacts.all;

/**
 * Mounting with the very data the server rendered with the page does not fetch it again; any other
 * cached data (coming back to the list, after an import) is refetched at once, as before.
 */
const refetchUnlessFromServer =
  (fromServer: unknown) =>
  (query: { state: { data: unknown } }): "always" | false =>
    // "always", not true: true refetches only stale data, and the list's data is fresh for 30 s.
    fromServer !== undefined && query.state.data === fromServer ? false : "always";

/**
 * The list's pages, fetched one keyset page at a time. A changed search or filter starts a new
 * query: the previous one loses its observer and its request is aborted, and its rows stay on
 * screen until the new ones arrive.
 */
export function useContactPages(params: ListParams, initial?: InitialClientList) {
  const { timeZone } = usePractitionerFormat().settings;
  const query = apiListQuery(params, timeZone).toString();
  // The first page came with the HTML (for the URL the page was rendered for): no fetch after hydration.
  const initialPages = useMemo(
    () =>
      initial && initial.listQuery === query
        ? { pages: [initial.page], pageParams: [null as string | null] }
        : undefined,
    [initial, query],
  );
  const pages = useInfiniteQuery({
    queryKey: queryKeys.contacts.list(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams(query);
      search.set("limit", String(LIST_PAGE_SIZE));
      if (pageParam) search.set("cursor", pageParam);
      return apiRequest(`/api/contacts?${search}`, { schema: contactListResponse, signal });
    },
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    ...(initialPages ? { initialData: initialPages } : {}),
    // Coming back to the list shows the cached rows at once, then what changed elsewhere (an import, another tab).
    refetchOnMount: refetchUnlessFromServer(initialPages),
  });
  const contacts = useMemo<ContactSummary[]>(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  return { ...pages, contacts };
}

/** How many clients match the filters (all of them with none). */
export function useContactCount(params: ListParams, initial?: InitialClientList) {
  const { timeZone } = usePractitionerFormat().settings;
  const query = apiFilterQuery(params, timeZone).toString();
  const initialCount = useMemo(
    () => (initial && initial.countQuery === query ? { count: initial.count } : undefined),
    [initial, query],
  );
  return useQuery({
    queryKey: queryKeys.contacts.count(query),
    queryFn: ({ signal }) => apiRequest(`/api/contacts/count?${query}`, { schema: contactCountResponse, signal }),
    placeholderData: keepPreviousData,
    ...(initialCount ? { initialData: initialCount } : {}),
    refetchOnMount: refetchUnlessFromServer(initialCount),
  });
}
