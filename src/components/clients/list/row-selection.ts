"use client";

import { useCallback, useState } from "react";

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
  selected: ReadonlySet<string>;
  toggle: (index: number, range: boolean) => void;
  /** Every loaded row, or none when every loaded row is already ticked. */
  toggleAll: () => void;
  clear: () => void;
}

/** Ticked rows of the loaded list, by client id (ids survive re-sorting and newly loaded pages). */
export function useRowSelection(ids: readonly string[]): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      setSelected((current) => toggledSelection(current, ids, index, anchor, range));
      setAnchor(index);
    },
    [ids, anchor],
  );
  const toggleAll = useCallback(() => {
    setSelected((current) => (ids.length > 0 && ids.every((id) => current.has(id)) ? new Set() : new Set(ids)));
    setAnchor(null);
  }, [ids]);
  const clear = useCallback(() => {
    setSelected(new Set());
    setAnchor(null);
  }, []);

  return { selected, toggle, toggleAll, clear };
}
