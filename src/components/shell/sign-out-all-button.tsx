"use client";

import { MonitorSmartphoneIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SignOutAllDialog } from "./sign-out-all-dialog";

/** The settings page's way to end every session, behind the same confirmation as the account menu. */
export function SignOutAllButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" className="text-destructive hover:text-destructive" onClick={() => setOpen(true)}>
        <MonitorSmartphoneIcon aria-hidden="true" />
        Sign out of all devices
      </Button>
      <SignOutAllDialog open={open} onOpenChange={setOpen} />
    </>
  );
}
