"use client";

import type { ContactSummary } from "@/lib/contracts/contacts";
import { cn } from "@/lib/utils";
import type { RowSelection } from "./row-selection";

const CHECKBOX = "size-4 cursor-pointer rounded accent-primary focus-visible:outline-2 focus-visible:outline-offset-2";

/**
 * A row's tick box. Keyboard users tick rows with Space on the row (one tab stop for the whole
 * list), so the box itself is out of the tab order; Shift+click ticks a range.
 */
export function RowCheckbox({
  contact,
  checked,
  index,
  selection,
  className,
}: {
  contact: ContactSummary;
  checked: boolean;
  index: number;
  selection: RowSelection;
  className?: string;
}) {
  return (
    <input
      type="checkbox"
      tabIndex={-1}
      aria-label={`Select ${contact.displayName}`}
      checked={checked}
      // React fires onChange from the click, so the native event tells whether Shift was held.
      onChange={(event) => selection.toggle(index, (event.nativeEvent as MouseEvent).shiftKey)}
      className={cn(CHECKBOX, className)}
    />
  );
}

/** Ticks every loaded row, or clears them; shows "mixed" when some are ticked. */
export function SelectAllCheckbox({
  contacts,
  selection,
  className,
}: {
  contacts: readonly ContactSummary[];
  selection: RowSelection;
  className?: string;
}) {
  const ticked = contacts.filter((contact) => selection.selected.has(contact.id)).length;
  const all = contacts.length > 0 && ticked === contacts.length;
  return (
    <input
      type="checkbox"
      aria-label="Select all loaded clients"
      checked={all}
      disabled={contacts.length === 0}
      ref={(element) => {
        if (element) element.indeterminate = ticked > 0 && !all;
      }}
      onChange={selection.toggleAll}
      className={cn(CHECKBOX, className)}
    />
  );
}
