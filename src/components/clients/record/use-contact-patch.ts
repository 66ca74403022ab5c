"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { ApiError, apiRequest } from "@/lib/api-client";
import { contactSchema, updateContactInput, type Contact } from "@/lib/contracts/contacts";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";

/** First message per field path, from the contract's verdict in the browser. */
export function contractErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/**
 * Saves changes to one client: checked with the API's update contract first (a refusal is an
 * `ApiError` with field errors, as if the API had answered 422), then `PATCH /api/contacts/:id`.
 * Cached lists are refreshed so the client reads the same everywhere.
 */
export function useContactPatch(contactId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (changes: Record<string, unknown>): Promise<Contact> => {
      const parsed = updateContactInput.safeParse(changes);
      if (!parsed.success) {
        throw new ApiError({
          status: 422,
          code: "validation_failed",
          message: "Check the highlighted fields.",
          fieldErrors: contractErrors(parsed.error.issues),
        });
      }
      const contact = await apiRequest(`/api/contacts/${contactId}`, {
        method: "PATCH",
        body: parsed.data,
        schema: contactSchema,
      });
      void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      return contact;
    },
    [contactId, queryClient],
  );
}
