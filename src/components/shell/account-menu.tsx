"use client";

import { ChevronsUpDownIcon, CircleAlertIcon, LogOutIcon, MonitorSmartphoneIcon, SettingsIcon } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { AuthUserResponse } from "@/lib/contracts/auth";
import { SignOutAllDialog } from "./sign-out-all-dialog";
import { useSignOut } from "./use-sign-out";

type Account = AuthUserResponse["user"];

/** Name, email and the account actions; `compact` shows only the initials (phone top bar). */
export function AccountMenu({ user, compact = false }: { user: Account; compact?: boolean }) {
  const [confirmingSignOutAll, setConfirmingSignOutAll] = useState(false);
  const { signOut, pending, error, clearError } = useSignOut();
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          {compact ? (
            // The initials are the visible label, so the name starts with them (WCAG 2.5.3, label in name).
            <Button variant="ghost" size="icon" className="rounded-full">
              <Initials name={user.displayName} announced />
              <span className="sr-only">Account menu for {user.displayName}</span>
            </Button>
          ) : (
            <button
              ref={triggerRef}
              type="button"
              className="flex w-full items-center gap-3 rounded-lg p-2 text-left transition-colors hover:bg-sidebar-accent/70 data-[state=open]:bg-sidebar-accent"
            >
              <Initials name={user.displayName} />
              <span className="grid min-w-0 flex-1 leading-tight">
                <span className="truncate text-sm font-medium">{user.displayName}</span>
                <span className="truncate text-xs text-muted-foreground">{user.email}</span>
              </span>
              <ChevronsUpDownIcon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
            </button>
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent align={compact ? "end" : "start"} side={compact ? "bottom" : "top"} className="w-64">
          <DropdownMenuLabel className="grid gap-0.5">
            <span className="truncate font-medium">{user.displayName}</span>
            <span className="truncate text-xs font-normal text-muted-foreground">{user.email}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <SettingsIcon aria-hidden="true" />
              Settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuGroup>
            <DropdownMenuItem disabled={pending !== null} onSelect={() => void signOut("this-device")}>
              <LogOutIcon aria-hidden="true" />
              {pending === "this-device" ? "Signing out…" : "Sign out"}
            </DropdownMenuItem>
            <DropdownMenuItem variant="destructive" onSelect={() => setConfirmingSignOutAll(true)}>
              <MonitorSmartphoneIcon aria-hidden="true" />
              Sign out of all devices
            </DropdownMenuItem>
          </DropdownMenuGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      <SignOutAllDialog open={confirmingSignOutAll} onOpenChange={setConfirmingSignOutAll} returnFocusTo={triggerRef} />
      {error && (
        <div className="fixed inset-x-4 bottom-4 z-50 sm:left-auto sm:w-96">
          <Alert variant="destructive" role="alert" className="bg-card shadow-lg">
            <CircleAlertIcon aria-hidden="true" />
            <AlertDescription>
              <p>We could not sign you out. {error.message}</p>
              <Button variant="outline" size="sm" onClick={clearError}>
                Dismiss
              </Button>
            </AlertDescription>
          </Alert>
        </div>
      )}
    </>
  );
}

function Initials({ name, announced = false }: { name: string; announced?: boolean }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span
      aria-hidden={announced ? undefined : true}
      className="flex size-9 shrink-0 items-center justify-center rounded-full bg-primary/12 text-sm font-semibold text-primary"
    >
      {initials || "·"}
    </span>
  );
}
