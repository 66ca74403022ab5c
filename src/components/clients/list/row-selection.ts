"use client";

import { useCallback, useMemo, useState } from "react";
import { MAX_MATCHING_SELECTION } from "@/lib/contracts/contact-selection";

/**
 * The rows ticked after a click on row `index`: a plain click toggles that row; a shift-click gives
 * every row from the last clicked one (`anchor`) to this one the state the clicked row takes.
 */
export function toggledSelection(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  anchor: number | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) return next;
  const checked = !selected.has(id);
  const [from, to] =
    range && anchor !== null && anchor < ids.length ? [anchor, index].sort((a, b) => a - b) : [index, index];
  for (const rowId of ids.slice(from, (to ?? index) + 1)) {
    if (checked) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}

export interface RowSelection {
  /** Ticked rows; every loaded row while all matching clients are selected. */
  selected: ReadonlySet<string>;
  /**
   * The count shown when "Select all N matching" was chosen: the selection is then every client the
   * search and filters match, loaded or not, and bulk actions send the filter with this count.
   */
  matchingCount: number | null;
  toggle: (index: number, range: boolean) => void;
  /** Every loaded row, or none when every loaded row is already ticked. */
  toggleAll: () => void;
  selectAllMatching: (count: number) => void;
  clear: () => void;
}

/**
 * Ticked rows of the loaded list, by client id (ids survive re-sorting and newly loaded pages), or
 * every matching client. Any tick or untick leaves "all matching" for the rows as they are ticked.
 */
export function useRowSelection(ids: readonly string[]): RowSelection {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [matchingCount, setMatchingCount] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<number | null>(null);
  const selected = useMemo(() => (matchingCount === null ? ticked : new Set(ids)), [matchingCount, ticked, ids]);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      setTicked(toggledSelection(selected, ids, index, anchor, range));
      setMatchingCount(null);
      setAnchor(index);
    },
    [selected, ids, anchor],
  );
  const toggleAll = useCallback(() => {
    setTicked(ids.length > 0 && ids.every((id) => selected.has(id)) ? new Set() : new Set(ids));
    setMatchingCount(null);
    setAnchor(null);
  }, [selected, ids]);
  const selectAllMatching = useCallback((count: number) => setMatchingCount(count), []);
  const clear = useCallback(() => {
    setTicked(new Set());
    setMatchingCount(null);
    setAnchor(null);
  }, []);

  return { selected, matchingCount, toggle, toggleAll, selectAllMatching, clear };
}

/** What the bulk bar offers beyond the loaded rows: every matching client, or why not. */
export type MatchingOffer = { kind: "offer" | "tooMany"; total: number } | null;

/**
 * Gmail's "select all": once every loaded row is ticked and more clients match than are loaded,
 * offer all of them, within what one bulk action takes (MAX_MATCHING_SELECTION).
 */
export function matchingOffer(
  selection: Pick<RowSelection, "selected" | "matchingCount">,
  ids: readonly string[],
  total: number | undefined,
): MatchingOffer {
  if (selection.matchingCount !== null || total === undefined || ids.length === 0 || total <= ids.length) return null;
  if (!ids.every((id) => selection.selected.has(id))) return null;
  return { kind: total > MAX_MATCHING_SELECTION ? "tooMany" : "offer", total };
}
