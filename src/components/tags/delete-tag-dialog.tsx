"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CONTACTS_QUERY_KEY } from "@/components/clients/list/use-contact-list";
import { ConfirmActionDialog, type ConfirmActionDialogProps } from "@/components/confirm-action-dialog";
import { apiRequest } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import type { Tag } from "@/lib/contracts/tags";
import { TAGS_QUERY_KEY } from "./use-tags";

/** "Delete tag?" saying how many clients lose it; the clients themselves stay. */
export function DeleteTagDialog({
  tag,
  onClose,
  onCloseAutoFocus,
}: {
  tag: Tag | null;
  onClose: () => void;
  onCloseAutoFocus?: ConfirmActionDialogProps["onCloseAutoFocus"];
}) {
  const queryClient = useQueryClient();
  // Mounted only while a tag is chosen, so its pending and error state start fresh each time.
  if (!tag) return null;

  async function remove(target: Tag) {
    await apiRequest(`/api/tags/${target.id}`, { method: "DELETE" });
    queryClient.setQueryData<Tag[]>(TAGS_QUERY_KEY, (list = []) => list.filter((other) => other.id !== target.id));
    void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
  }

  return (
    <ConfirmActionDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={<>Delete tag “{tag.name}”?</>}
      description={
        <>
          {tag.usageCount === 0
            ? "No client has this tag."
            : `${countOf(tag.usageCount, "client")} will lose this tag.`}{" "}
          The clients themselves stay. This cannot be undone.
        </>
      }
      confirmLabel="Delete tag"
      variant="destructive"
      onConfirm={() => remove(tag)}
      fallbackError="The tag could not be deleted. Try again."
      onCloseAutoFocus={onCloseAutoFocus}
    />
  );
}
