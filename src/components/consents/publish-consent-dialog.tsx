"use client";

import { SendIcon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { Button } from "@/components/ui/button";

/** Confirms publishing: the text becomes the next version for good; earlier answers keep theirs. */
export function PublishConsentDialog({
  nextVersion,
  disabled,
  onPublish,
}: {
  nextVersion: number;
  disabled: boolean;
  onPublish: () => Promise<void>;
}) {
  return (
    <ConfirmActionDialog
      trigger={
        <Button type="button" disabled={disabled}>
          <SendIcon aria-hidden="true" />
          Publish as version {nextVersion}
        </Button>
      }
      title={<>Publish version {nextVersion}?</>}
      description="New intake forms will show this text from now on. Clients who already answered keep the version they saw, and a published version can never be changed; to correct it, publish another version."
      cancelLabel="Keep editing"
      confirmLabel="Publish"
      pendingLabel="Publishing…"
      onConfirm={onPublish}
      fallbackError="The new version could not be published. Try again."
    />
  );
}
