"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { checkInListResponse, type CheckIn, type CheckInListResponse } from "@/lib/contracts/check-ins";
import { queryKeys } from "@/lib/query-keys";

/** The last 30 days of check-ins, and the practitioner's today. */
export function useCheckIns(initial?: CheckInListResponse) {
  return useQuery({
    queryKey: queryKeys.checkIns,
    queryFn: ({ signal }) => apiRequest("/api/check-ins", { schema: checkInListResponse, signal }),
    ...(initial ? { initialData: initial } : {}),
  });
}

/** Puts a saved check-in into the cached 30 days. */
export function useStoreCheckIn() {
  const queryClient = useQueryClient();
  return (saved: CheckIn) =>
    queryClient.setQueryData<CheckInListResponse>(queryKeys.checkIns, (list) =>
      list
        ? {
            ...list,
            items: [...list.items.filter((item) => item.day !== saved.day || item.period !== saved.period), saved].sort(
              (a, b) => a.day.localeCompare(b.day) || a.period.localeCompare(b.period),
            ),
          }
        : list,
    );
}
