"use client";

import { CircleAlertIcon, LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { isApiError } from "@/lib/api-client";
import { CONSENT_KIND_LABELS, type ConsentKind } from "@/lib/contracts/consents";
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

const FALLBACK = "The withdrawal could not be recorded. Try again.";

/** Confirms recording that the client withdrew one consent; the earlier consent stays in the history. */
export function WithdrawConsentDialog({ kind, onWithdraw }: { kind: ConsentKind; onWithdraw: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = CONSENT_KIND_LABELS[kind];

  async function withdraw() {
    setPending(true);
    setError(null);
    try {
      await onWithdraw();
      setOpen(false);
    } catch (failure) {
      setError(isApiError(failure) ? failure.message : FALLBACK);
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) setError(null);
        setOpen(next);
      }}
    >
      <AlertDialogTrigger asChild>
        <Button type="button" variant="outline" size="sm" aria-label={`Withdraw ${label.toLowerCase()} consent`}>
          Withdraw
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Record that the client withdrew {label.toLowerCase()} consent?</AlertDialogTitle>
          <AlertDialogDescription>
            Do this when the client has told you they no longer agree. The withdrawal is dated now and added to the
            history; the consent they gave earlier stays on record. To consent again they answer a new intake form.
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
          <Button variant="destructive" disabled={pending} onClick={() => void withdraw()}>
            {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {pending ? "Recording…" : "Record withdrawal"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
