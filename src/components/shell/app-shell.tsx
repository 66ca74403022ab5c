import Link from "next/link";
import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { QueryProvider } from "@/components/clients/query-provider";
import { QuickAddButton } from "@/components/tasks/quick-add-button";
import { QuickAddProvider } from "@/components/tasks/quick-add-provider";
import type { AuthUserResponse } from "@/lib/contracts/auth";
import { AccountMenu } from "./account-menu";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { SkipLink } from "./skip-link";

/** The signed-in frame: sidebar from 640 px up, a top bar with a menu sheet below that. */
export function AppShell({ user, children }: { user: AuthUserResponse["user"]; children: ReactNode }) {
  return (
    // The shell's own query cache (the bell); screens keep theirs below it.
    <QueryProvider>
      <QuickAddProvider>
        <div className="flex min-h-dvh">
          <SkipLink />
          <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-sidebar-border bg-sidebar px-3 py-4 sm:flex">
            <div className="mb-6 flex items-center justify-between gap-2">
              <Link href="/" className="flex h-10 min-w-0 items-center rounded-lg px-2" aria-label="OmniCRM home">
                <Brand />
              </Link>
              <NotificationBell />
            </div>
            <QuickAddButton className="mb-4 w-full justify-start" />
            <div className="flex-1 overflow-y-auto">
              <NavLinks />
            </div>
            <div className="border-t border-sidebar-border pt-3">
              <AccountMenu user={user} />
            </div>
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="sticky top-0 z-40 flex h-14 items-center justify-between gap-2 border-b bg-background/95 px-2 backdrop-blur sm:hidden">
              <MobileNav />
              <Link href="/" className="rounded-lg px-1" aria-label="OmniCRM home">
                <Brand />
              </Link>
              <div className="flex items-center gap-1">
                <QuickAddButton compact />
                <NotificationBell />
                <AccountMenu user={user} compact />
              </div>
            </header>
            <main
              id="main-content"
              tabIndex={-1}
              className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 outline-none sm:px-8 sm:py-10"
            >
              {children}
            </main>
          </div>
        </div>
      </QuickAddProvider>
    </QueryProvider>
  );
}
