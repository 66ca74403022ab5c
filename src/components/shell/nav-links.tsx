"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { isCurrent, NAV_ITEMS } from "./nav-items";

/** The main navigation; the current page is marked with `aria-current="page"`. */
export function NavLinks({ onNavigate }: { onNavigate?: (() => void) | undefined }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="grid gap-1">
        {NAV_ITEMS.map((item) => {
          const current = isCurrent(item, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                {...(onNavigate ? { onClick: onNavigate } : {})}
                className={cn(
                  "flex items-center gap-3 rounded-lg px-3 py-2.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-sidebar-accent/70 hover:text-foreground",
                  "aria-[current=page]:bg-sidebar-accent aria-[current=page]:text-foreground",
                )}
              >
                <item.icon
                  aria-hidden="true"
                  className={cn("size-[1.125rem]", current ? "text-primary" : "text-muted-foreground")}
                />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
