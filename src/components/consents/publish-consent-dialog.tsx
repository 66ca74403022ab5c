"use client";

import { CircleAlertIcon, LoaderCircleIcon, SendIcon } from "lucide-react";
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

const FALLBACK = "The new version could not be published. Try again.";

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
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function publish() {
    setPending(true);
    setError(null);
    try {
      await onPublish();
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
        <Button type="button" disabled={disabled}>
          <SendIcon aria-hidden="true" />
          Publish as version {nextVersion}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Publish version {nextVersion}?</AlertDialogTitle>
          <AlertDialogDescription>
            New intake forms will show this text from now on. Clients who already answered keep the version they saw,
            and a published version can never be changed; to correct it, publish another version.
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
          <Button disabled={pending} onClick={() => void publish()}>
            {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {pending ? "Publishing…" : "Publish"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
