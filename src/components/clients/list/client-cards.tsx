"use client";

import Link from "next/link";
import { reachLine } from "@/lib/contact-display";
import { cn } from "@/lib/utils";
import { ContactAvatar } from "../contact-avatar";
import { NewFromIntakeBadge } from "../new-from-intake-badge";
import { StageBadge } from "../stage-badge";
import { TagList } from "./columns";
import type { ClientRowsProps } from "./client-table";
import { RowCheckbox } from "./row-checkbox";

export const CARD_ESTIMATED_HEIGHT = 96;

/** The clients list below 640 px: one card per client, windowed like the table, same keys and selection. */
export function ClientCards({ contacts, rows, selection, total, open }: ClientRowsProps) {
  const { attachList } = rows;
  return (
    <ul
      ref={attachList}
      aria-label="Clients"
      style={{ paddingTop: rows.paddingTop, paddingBottom: rows.paddingBottom }}
      className="grid"
    >
      {rows.items.map((item) => {
        const contact = contacts[item.index];
        if (!contact) return null;
        const selected = selection.selected.has(contact.id);
        const reach = reachLine(contact);
        return (
          <li
            key={contact.id}
            ref={rows.measureElement}
            data-index={item.index}
            data-row-index={item.index}
            aria-posinset={item.index + 1}
            aria-setsize={total ?? -1}
            tabIndex={item.index === rows.tabbableIndex ? 0 : -1}
            onKeyDown={(event) => rows.onRowKeyDown(item.index, event)}
            onFocus={() => rows.onRowFocus(item.index)}
            className="pb-2 outline-none focus-visible:[&>div]:outline-2 focus-visible:[&>div]:outline-ring"
          >
            <div
              className={cn(
                "relative flex items-start gap-3 rounded-xl border bg-card p-3 shadow-xs",
                selected && "border-primary/50 bg-accent/40",
              )}
            >
              <label className="relative z-10 -m-2 flex shrink-0 items-center p-2.5">
                <RowCheckbox
                  contact={contact}
                  checked={selected}
                  index={item.index}
                  selection={selection}
                  className="size-5"
                />
              </label>
              <ContactAvatar displayName={contact.displayName} size="md" />
              <div className="grid min-w-0 flex-1 gap-1">
                <Link
                  href={`/clients/${contact.id}`}
                  tabIndex={-1}
                  onClick={(event) => {
                    event.preventDefault();
                    open(item.index);
                  }}
                  className="truncate font-medium after:absolute after:inset-0 after:left-12 after:content-['']"
                >
                  {contact.displayName}
                </Link>
                {reach && <span className="truncate text-sm text-muted-foreground">{reach}</span>}
                <div className="flex min-w-0 items-center gap-2">
                  {contact.newFromIntake && <NewFromIntakeBadge />}
                  <StageBadge stage={contact.lifecycleStage} />
                  {contact.tags.length > 0 && <TagList tags={contact.tags} limit={1} />}
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
