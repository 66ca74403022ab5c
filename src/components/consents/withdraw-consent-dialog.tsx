"use client";

import { CONSENT_KIND_LABELS, type ConsentKind } from "@/lib/contracts/consents";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { Button } from "@/components/ui/button";

/** Confirms recording that the client withdrew one consent; the earlier consent stays in the history. */
export function WithdrawConsentDialog({ kind, onWithdraw }: { kind: ConsentKind; onWithdraw: () => Promise<void> }) {
  const label = CONSENT_KIND_LABELS[kind];
  return (
    <ConfirmActionDialog
      trigger={
        <Button type="button" variant="outline" size="sm" aria-label={`Withdraw ${label.toLowerCase()} consent`}>
          Withdraw
        </Button>
      }
      title={<>Record that the client withdrew {label.toLowerCase()} consent?</>}
      description="Do this when the client has told you they no longer agree. The withdrawal is dated now and added to the history; the consent they gave earlier stays on record. To consent again they answer a new intake form."
      confirmLabel="Record withdrawal"
      pendingLabel="Recording…"
      variant="destructive"
      onConfirm={onWithdraw}
      fallbackError="The withdrawal could not be recorded. Try again."
    />
  );
}
