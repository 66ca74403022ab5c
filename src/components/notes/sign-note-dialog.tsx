"use client";

import { LockIcon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { Button } from "@/components/ui/button";

/** Confirms signing: after it the note is locked for good and takes only dated amendments. */
export function SignNoteDialog({ onSign }: { onSign: () => Promise<void> }) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button>
          <LockIcon aria-hidden="true" />
          Sign and lock
        </Button>
      }
      title="Sign and lock this note?"
      description="Signing records today's date and time. After that the note can no longer be edited or deleted; you can still add dated amendments below it."
      cancelLabel="Keep editing"
      confirmLabel="Sign and lock"
      pendingLabel="Signing…"
      onConfirm={onSign}
      fallbackError="The note could not be signed. Try again."
    />
  );
}
