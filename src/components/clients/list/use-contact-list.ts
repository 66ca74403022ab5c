"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { contactCountResponse, contactListResponse } from "@/lib/contracts/contact-list";
import type { ContactSummary } from "@/lib/contracts/contacts";
import { apiFilterQuery, apiListQuery, type ListParams } from "./list-params";

/** Every cached list, count and page of clients sits under this key, so one invalidation refreshes them all. */
export const CONTACTS_QUERY_KEY = queryKeys.contacts.all;

/** Rows per request: large pages keep scrolling smooth; the API allows up to 100. */
const PAGE_SIZE = 100;

/**
 * The list's pages, fetched one keyset page at a time. A changed search or filter starts a new
 * query: the previous one loses its observer and its request is aborted, and its rows stay on
 * screen until the new ones arrive.
 */
export function useContactPages(params: ListParams) {
  const { timeZone } = usePractitionerFormat().settings;
  const query = apiListQuery(params, timeZone).toString();
  const pages = useInfiniteQuery({
    queryKey: queryKeys.contacts.list(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams(query);
      search.set("limit", String(PAGE_SIZE));
      if (pageParam) search.set("cursor", pageParam);
      return apiRequest(`/api/contacts?${search}`, { schema: contactListResponse, signal });
    },
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    // Coming back to the list shows the cached rows at once, then what changed elsewhere (an import, another tab).
    refetchOnMount: "always",
  });
  const contacts = useMemo<ContactSummary[]>(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  return { ...pages, contacts };
}

/** How many clients match the filters (all of them with none). */
export function useContactCount(params: ListParams) {
  const { timeZone } = usePractitionerFormat().settings;
  const query = apiFilterQuery(params, timeZone).toString();
  return useQuery({
    queryKey: queryKeys.contacts.count(query),
    queryFn: ({ signal }) => apiRequest(`/api/contacts/count?${query}`, { schema: contactCountResponse, signal }),
    placeholderData: keepPreviousData,
    refetchOnMount: "always",
  });
}
