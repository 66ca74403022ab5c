"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useState, type ComponentProps, type ReactNode } from "react";
import { ErrorAlert } from "@/components/error-alert";
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
import { isApiError } from "@/lib/api-client";

/** Runs a confirmed action once at a time, keeping the API's message (or the fallback) when it fails. */
export function useConfirmAction(action: () => Promise<void>, fallbackError: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** `onSuccess` runs in the same render as the end of `pending`, which stays on when asked (the page is leaving). */
  async function run({ onSuccess, keepPending }: { onSuccess: () => void; keepPending: boolean }) {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : fallbackError);
      setPending(false);
      return;
    }
    onSuccess();
    if (!keepPending) setPending(false);
  }

  return { pending, error, run, clearError: () => setError(null) };
}

export interface ConfirmActionDialogProps {
  /** Opens the dialog itself; leave out and pass `open`/`onOpenChange` to control it from outside. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  cancelLabel?: string;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs; the confirm label otherwise. */
  pendingLabel?: string;
  variant?: "destructive" | "default";
  /** Throws on failure: an ApiError's message is shown, anything else shows `fallbackError`. */
  onConfirm: () => Promise<void>;
  fallbackError: string;
  /** False when success navigates away: the dialog stays open and busy until the page changes. */
  closeOnSuccess?: boolean;
  onCloseAutoFocus?: ComponentProps<typeof AlertDialogContent>["onCloseAutoFocus"];
  /** Extra content between the description and the error, e.g. an input. */
  children?: ReactNode;
}

/** Confirmation for a consequential action: cannot be closed while it runs, stays open to show a failure. */
export function ConfirmActionDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  cancelLabel = "Cancel",
  confirmLabel,
  pendingLabel,
  variant = "default",
  onConfirm,
  fallbackError,
  closeOnSuccess = true,
  onCloseAutoFocus,
  children,
}: ConfirmActionDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlledOpen ?? ownOpen;
  const { pending, error, run, clearError } = useConfirmAction(onConfirm, fallbackError);

  function setOpen(next: boolean) {
    if (controlledOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  }

  function confirm() {
    const onSuccess = () => {
      if (closeOnSuccess) setOpen(false);
    };
    void run({ onSuccess, keepPending: !closeOnSuccess });
  }

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        if (!next) clearError();
        setOpen(next);
      }}
    >
      {trigger !== undefined && <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>}
      <AlertDialogContent {...(onCloseAutoFocus && { onCloseAutoFocus })}>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <ErrorAlert message={error} />
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{cancelLabel}</AlertDialogCancel>
          <Button variant={variant} disabled={pending} onClick={confirm}>
            {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {pending && pendingLabel !== undefined ? pendingLabel : confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
