"use client";

import { CircleAlertIcon, LoaderCircleIcon, LockIcon } from "lucide-react";
import { useState } from "react";
import { isApiError } from "@/lib/api-client";
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

const FALLBACK = "The note could not be signed. Try again.";

/** Confirms signing: after it the note is locked for good and takes only dated amendments. */
export function SignNoteDialog({ onSign }: { onSign: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function sign() {
    setPending(true);
    setError(null);
    try {
      await onSign();
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
        <Button>
          <LockIcon aria-hidden="true" />
          Sign and lock
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Sign and lock this note?</AlertDialogTitle>
          <AlertDialogDescription>
            Signing records today&apos;s date and time. After that the note can no longer be edited or deleted; you can
            still add dated amendments below it.
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
          <AlertDialogCancel disabled={pending}>Keep editing</AlertDialogCancel>
          <Button disabled={pending} onClick={() => void sign()}>
            {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {pending ? "Signing…" : "Sign and lock"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
