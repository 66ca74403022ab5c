"use client";

import type { RefObject } from "react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { endSessions } from "./use-sign-out";

/** Confirms before ending every session, this one included; stays open to show a failure. */
export function SignOutAllDialog({
  open,
  onOpenChange,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes on close when what opened the dialog is gone (a menu item). */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  return (
    <ConfirmActionDialog
      open={open}
      onOpenChange={onOpenChange}
      onCloseAutoFocus={(event) => {
        if (!returnFocusTo?.current) return;
        event.preventDefault();
        returnFocusTo.current.focus();
      }}
      title="Sign out of all devices?"
      description="This ends every session on every browser, phone and tablet, including this one. You will need your password to sign in again."
      confirmLabel="Sign out everywhere"
      pendingLabel="Signing out…"
      variant="destructive"
      onConfirm={() => endSessions("all-devices")}
      fallbackError="Signing out did not work. Try again."
      // Success loads the sign-in page, so the dialog stays busy until it does.
      closeOnSuccess={false}
    />
  );
}
