"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { Button } from "@/components/ui/button";
import { apiRequest } from "@/lib/api-client";
import type { Contact } from "@/lib/contracts/contacts";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";

/** Deletes the client after a confirmation naming them; back to the list afterwards. */
export function DeleteClientButton({ contact }: { contact: Contact }) {
  const router = useRouter();
  const queryClient = useQueryClient();

  async function remove() {
    await apiRequest(`/api/contacts/${contact.id}`, { method: "DELETE" });
    queryClient.removeQueries({ queryKey: CONTACTS_QUERY_KEY });
    router.replace("/clients");
  }

  return (
    <ConfirmActionDialog
      trigger={
        <Button variant="outline" size="sm" className="self-start text-destructive hover:text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete client
        </Button>
      }
      title={<>Delete {contact.displayName}?</>}
      description="Everything tied to this client is erased for good: their details, notes (signed ones included), consents, photos and tag links. The activity log keeps only an anonymous entry. This cannot be undone."
      cancelLabel="Keep client"
      confirmLabel="Delete client"
      pendingLabel="Deleting…"
      variant="destructive"
      onConfirm={remove}
      fallbackError="The client could not be deleted. Try again."
      // The list page replaces this one, so the dialog stays busy until it does.
      closeOnSuccess={false}
    />
  );
}
