"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiRequest } from "@/lib/api-client";
import type { AuditEvent, AuditEventsPage } from "@/lib/contracts/audit";
import { queryKeys } from "@/lib/query-keys";

const PAGE_SIZE = 50;

/** The filtered activity, one keyset page at a time (newest first). */
export function useActivity(query: string) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.auditEvents(query),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const search = new URLSearchParams(query);
      search.set("limit", String(PAGE_SIZE));
      if (pageParam) search.set("cursor", pageParam);
      return apiRequest(`/api/audit-events?${search}`, { signal }) as Promise<AuditEventsPage>;
    },
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    refetchOnMount: "always",
  });
  const events = useMemo<AuditEvent[]>(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  return { ...pages, events };
}
