"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ConfirmActionDialog, type ConfirmActionDialogProps } from "@/components/confirm-action-dialog";
import { apiRequest } from "@/lib/api-client";
import { intakeLinkSchema, type IntakeLink } from "@/lib/contracts/intake";
import { INTAKE_LINKS_QUERY_KEY } from "./use-intake-links";

/** "Revoke link?": the link stops working at once; clients already submitted stay. */
export function RevokeIntakeLinkDialog({
  link,
  onClose,
  onCloseAutoFocus,
}: {
  link: IntakeLink | null;
  onClose: () => void;
  onCloseAutoFocus?: ConfirmActionDialogProps["onCloseAutoFocus"];
}) {
  const queryClient = useQueryClient();
  // Mounted only while a link is chosen, so its pending and error state start fresh each time.
  if (!link) return null;

  async function revoke(target: IntakeLink) {
    const revoked = await apiRequest(`/api/intake-links/${target.id}/revoke`, {
      method: "POST",
      schema: intakeLinkSchema,
    });
    queryClient.setQueryData<IntakeLink[]>(INTAKE_LINKS_QUERY_KEY, (list = []) =>
      list.map((other) => (other.id === revoked.id ? revoked : other)),
    );
  }

  return (
    <ConfirmActionDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={<>Revoke “{link.label}”?</>}
      description="Anyone opening this link will be told it is no longer valid. Forms already submitted stay. This cannot be undone."
      confirmLabel="Revoke link"
      variant="destructive"
      onConfirm={() => revoke(link)}
      fallbackError="The link could not be revoked. Try again."
      onCloseAutoFocus={onCloseAutoFocus}
    />
  );
}
