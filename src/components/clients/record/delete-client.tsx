"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CircleAlertIcon, LoaderCircleIcon, Trash2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { apiRequest, isApiError } from "@/lib/api-client";
import type { Contact } from "@/lib/contracts/contacts";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";

/** Deletes the client after a confirmation naming them; back to the list afterwards. */
export function DeleteClientButton({ contact }: { contact: Contact }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await apiRequest(`/api/contacts/${contact.id}`, { method: "DELETE" });
      queryClient.removeQueries({ queryKey: CONTACTS_QUERY_KEY });
      router.replace("/clients");
    } catch (caught) {
      setPending(false);
      setError(isApiError(caught) ? caught.message : "The client could not be deleted. Try again.");
    }
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" className="self-start text-destructive hover:text-destructive">
          <Trash2Icon aria-hidden="true" />
          Delete client
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {contact.displayName}?</AlertDialogTitle>
          <AlertDialogDescription>
            Everything tied to this client is erased for good: their details, notes (signed ones included), consents,
            photos and tag links. The activity log keeps only an anonymous entry. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && (
          <Alert variant="destructive" role="alert">
            <CircleAlertIcon aria-hidden="true" />
            <AlertDescription>
              <p>{error}</p>
            </AlertDescription>
          </Alert>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Keep client</AlertDialogCancel>
          <Button variant="destructive" disabled={pending} onClick={() => void confirm()}>
            {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {pending ? "Deleting…" : "Delete client"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
