"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { CONTACTS_QUERY_KEY } from "@/components/clients/list/use-contact-list";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { apiRequest, isApiError } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import type { Tag } from "@/lib/contracts/tags";
import { TAGS_QUERY_KEY } from "./use-tags";

/** "Delete tag?" saying how many clients lose it; the clients themselves stay. */
export function DeleteTagDialog({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm(target: Tag) {
    setPending(true);
    setError(null);
    try {
      await apiRequest(`/api/tags/${target.id}`, { method: "DELETE" });
      queryClient.setQueryData<Tag[]>(TAGS_QUERY_KEY, (list = []) => list.filter((other) => other.id !== target.id));
      void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      onClose();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The tag could not be deleted. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog
      open={tag !== null}
      onOpenChange={(open) => {
        if (open || pending) return;
        setError(null);
        onClose();
      }}
    >
      {tag && (
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Delete tag “{tag.name}”?</AlertDialogTitle>
            <AlertDialogDescription>
              {tag.usageCount === 0
                ? "No client has this tag."
                : `${countOf(tag.usageCount, "client")} will lose this tag.`}{" "}
              The clients themselves stay. This cannot be undone.
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
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button variant="destructive" disabled={pending} onClick={() => void confirm(tag)}>
              {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
              Delete tag
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      )}
    </AlertDialog>
  );
}
