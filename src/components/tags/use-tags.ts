"use client";

import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { tagListResponse, type Tag } from "@/lib/contracts/tags";
import { queryKeys } from "@/lib/query-keys";

export const TAGS_QUERY_KEY = queryKeys.tags;

/** The practitioner's tags with usage counts, by name. */
export function useTags(initial?: Tag[]) {
  return useQuery({
    queryKey: TAGS_QUERY_KEY,
    queryFn: async ({ signal }) => (await apiRequest("/api/tags", { schema: tagListResponse, signal })).items,
    ...(initial ? { initialData: initial } : {}),
  });
}
