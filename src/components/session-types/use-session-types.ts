"use client";

import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { sessionTypeListResponse, type SessionType } from "@/lib/contracts/session-types";
import { queryKeys } from "@/lib/query-keys";

/** The practitioner's session types: offered ones first, then archived, each by name. */
export function useSessionTypes(initial?: SessionType[]) {
  return useQuery({
    queryKey: queryKeys.sessionTypes,
    queryFn: async ({ signal }) =>
      (await apiRequest("/api/session-types", { schema: sessionTypeListResponse, signal })).items,
    ...(initial ? { initialData: initial } : {}),
  });
}

/** "60 min", "1 h 30 min": how long a session lasts, in the settings list and the calendar. */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
