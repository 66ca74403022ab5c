"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ClientConsent, ConsentKind } from "@/lib/contracts/consents";
import { queryKeys } from "@/lib/query-keys";
import { fetchClientConsents, withdrawConsent } from "./consents-api";

/** One client's consent history, newest first. */
export function useClientConsents(contactId: string) {
  return useQuery({
    queryKey: queryKeys.consents(contactId),
    queryFn: async ({ signal }) => (await fetchClientConsents(contactId, signal)).consents,
  });
}

/** Records a withdrawal: it shows at the top of the history at once, then the history is fetched again. */
export function useWithdrawConsent(contactId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.consents(contactId);
  return useMutation({
    mutationFn: (kind: ConsentKind) => withdrawConsent(contactId, kind),
    onSuccess: async (record) => {
      queryClient.setQueryData<ClientConsent[]>(key, (history = []) => [record, ...history]);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
