"use client";

import { useQuery } from "@tanstack/react-query";
import { z } from "@/lib/zod";
import { apiRequest } from "@/lib/api-client";
import { intakeLinkSchema, type IntakeLink } from "@/lib/contracts/intake";
import { queryKeys } from "@/lib/query-keys";

export const INTAKE_LINKS_QUERY_KEY = queryKeys.intakeLinks;
const listSchema = z.object({ items: z.array(intakeLinkSchema) });

/** The practitioner's intake links, newest first, with their status. */
export function useIntakeLinks(initial?: IntakeLink[]) {
  return useQuery({
    queryKey: INTAKE_LINKS_QUERY_KEY,
    queryFn: async ({ signal }) => (await apiRequest("/api/intake-links", { schema: listSchema, signal })).items,
    ...(initial ? { initialData: initial } : {}),
  });
}
