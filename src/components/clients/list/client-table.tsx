"use client";

import { ArrowDownIcon, ArrowUpIcon, ArrowUpDownIcon } from "lucide-react";
import Link from "next/link";
import type { MouseEvent } from "react";
import { reachLine } from "@/lib/contact-display";
import type { ContactSort } from "@/lib/contracts/contact-list";
import type { ContactSummary } from "@/lib/contracts/contacts";
import { cn } from "@/lib/utils";
import { NewFromIntakeBadge } from "../new-from-intake-badge";
import { ContactAvatar } from "../contact-avatar";
import { CONTACT_COLUMNS } from "./columns";
import { SelectAllCheckbox, RowCheckbox } from "./row-checkbox";
import type { RowSelection } from "./row-selection";
import type { VirtualRows } from "./use-virtual-rows";

export interface ClientRowsProps {
  contacts: readonly ContactSummary[];
  rows: VirtualRows;
  selection: RowSelection;
  /** Rows matching the filters, loaded or not (for `aria-rowcount`). */
  total: number | undefined;
  open: (index: number) => void;
}

const ROW_HEIGHT = 60;
export const TABLE_ROW_HEIGHT = ROW_HEIGHT;

const SORT_ARIA = { asc: "ascending", desc: "descending" } as const;

/** Clicks on the row itself open the client; clicks on its checkbox or link do their own thing. */
function openUnlessControl(event: MouseEvent<HTMLElement>, open: () => void) {
  if ((event.target as HTMLElement).closest("a, button, input, label")) return;
  if (window.getSelection()?.toString()) return;
  open();
}

/** The clients list from 640 px up: a table with sortable headers, windowed so thousands of rows stay fast. */
export function ClientTable({
  contacts,
  rows,
  selection,
  total,
  open,
  sort,
  onSort,
}: ClientRowsProps & { sort: { sort: ContactSort; order: "asc" | "desc" }; onSort: (column: ContactSort) => void }) {
  const columnCount = CONTACT_COLUMNS.length + 2;
  const { attachList } = rows;
  return (
    <table
      aria-label="Clients"
      aria-rowcount={total === undefined ? undefined : total + 1}
      className="w-full table-fixed border-separate border-spacing-0 text-sm"
    >
      {/* Fixed layout takes its widths from these; hidden columns must be hidden here too. */}
      <colgroup>
        <col className="w-11" />
        <col />
        {CONTACT_COLUMNS.map((column) => (
          <col key={column.id} className={column.col} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          <th scope="col" className="sticky top-0 z-10 w-11 border-b bg-background py-2 pr-1 pl-3 text-left">
            <SelectAllCheckbox contacts={contacts} selection={selection} />
          </th>
          <SortableHeader label="Name" column="name" sort={sort} onSort={onSort} className="w-auto" />
          {CONTACT_COLUMNS.map((column) =>
            column.sort ? (
              <SortableHeader
                key={column.id}
                label={column.label}
                column={column.sort}
                sort={sort}
                onSort={onSort}
                className={column.visibility ?? ""}
              />
            ) : (
              <th
                key={column.id}
                scope="col"
                className={cn(
                  "sticky top-0 z-10 border-b bg-background px-3 py-2 text-left font-medium text-muted-foreground",
                  column.visibility,
                )}
              >
                {column.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody ref={attachList}>
        {rows.paddingTop > 0 && (
          <tr aria-hidden="true">
            <td colSpan={columnCount} style={{ height: rows.paddingTop }} />
          </tr>
        )}
        {rows.items.map((item) => {
          const contact = contacts[item.index];
          if (!contact) return null;
          const selected = selection.selected.has(contact.id);
          return (
            <tr
              key={contact.id}
              data-row-index={item.index}
              aria-rowindex={item.index + 2}
              tabIndex={item.index === rows.tabbableIndex ? 0 : -1}
              onKeyDown={(event) => rows.onRowKeyDown(item.index, event)}
              onFocus={() => rows.onRowFocus(item.index)}
              onClick={(event) => openUnlessControl(event, () => open(item.index))}
              style={{ height: ROW_HEIGHT }}
              className={cn(
                "group cursor-pointer outline-none *:border-b hover:bg-muted/60",
                "focus-visible:bg-accent/70 focus-visible:*:first:shadow-[inset_3px_0_0_var(--color-ring)]",
                selected && "bg-accent/40",
              )}
            >
              <td className="py-2 pr-1 pl-3">
                <RowCheckbox contact={contact} checked={selected} index={item.index} selection={selection} />
              </td>
              <td className="min-w-0 px-3 py-2">
                <div className="flex min-w-0 items-center gap-3">
                  <ContactAvatar displayName={contact.displayName} size="sm" />
                  <div className="grid min-w-0">
                    <div className="flex min-w-0 items-center gap-2">
                      <Link
                        href={`/clients/${contact.id}`}
                        tabIndex={-1}
                        className="truncate font-medium text-foreground underline-offset-4 hover:underline"
                      >
                        {contact.displayName}
                      </Link>
                      {contact.newFromIntake && <NewFromIntakeBadge />}
                    </div>
                    <span className="truncate text-xs text-muted-foreground">{reachLine(contact) || "\u00a0"}</span>
                  </div>
                </div>
              </td>
              {CONTACT_COLUMNS.map((column) => (
                <td key={column.id} className={cn("truncate px-3 py-2 text-muted-foreground", column.visibility)}>
                  {column.cell(contact)}
                </td>
              ))}
            </tr>
          );
        })}
        {rows.paddingBottom > 0 && (
          <tr aria-hidden="true">
            <td colSpan={columnCount} style={{ height: rows.paddingBottom }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}

function SortableHeader({
  label,
  column,
  sort,
  onSort,
  className,
}: {
  label: string;
  column: ContactSort;
  sort: { sort: ContactSort; order: "asc" | "desc" };
  onSort: (column: ContactSort) => void;
  className: string;
}) {
  const active = sort.sort === column;
  const Icon = !active ? ArrowUpDownIcon : sort.order === "asc" ? ArrowUpIcon : ArrowDownIcon;
  return (
    <th
      scope="col"
      aria-sort={active ? SORT_ARIA[sort.order] : "none"}
      className={cn("sticky top-0 z-10 border-b bg-background px-1.5 py-1 text-left font-medium", className)}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cn(
          "inline-flex items-center gap-1.5 rounded-md px-1.5 py-1 transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring",
          active ? "text-foreground" : "text-muted-foreground",
        )}
      >
        {label}
        <Icon aria-hidden="true" className={cn("size-3.5", !active && "opacity-50")} />
      </button>
    </th>
  );
}
