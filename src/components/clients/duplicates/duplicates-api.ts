"use client";

import { queryKeys } from "@/lib/query-keys";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import {
  contactDuplicatesResponse,
  DUPLICATE_REASON_LABELS,
  duplicatePairsResponse,
  type DuplicateReason,
} from "@/lib/contracts/contact-duplicates";

/** Other clients who may be the same person as this one. */
export function useContactDuplicates(contactId: string) {
  return useQuery({
    queryKey: queryKeys.duplicates.of(contactId),
    queryFn: async ({ signal }) =>
      (await apiRequest(`/api/contacts/${contactId}/duplicates`, { schema: contactDuplicatesResponse, signal }))
        .duplicates,
  });
}

/** The practitioner's likely duplicate pairs. */
export function useDuplicatePairs() {
  return useQuery({
    queryKey: queryKeys.duplicates.pairs,
    queryFn: async ({ signal }) => apiRequest("/api/contacts/duplicates", { schema: duplicatePairsResponse, signal }),
  });
}

/** "Not a duplicate": stores the answer, then every suggestion list is fetched again. */
export function useDismissDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, otherId }: { id: string; otherId: string }) => {
      await apiRequest(`/api/contacts/${id}/duplicates/dismissals`, { method: "POST", body: { otherId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.duplicates.all }),
  });
}

/** "same email and same phone". */
export function reasonText(reasons: readonly DuplicateReason[]): string {
  const labels = reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "");
}
