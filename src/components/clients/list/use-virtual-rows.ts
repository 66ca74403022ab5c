"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

export interface VirtualRowsOptions {
  count: number;
  /** Exact for fixed-height rows; a first guess when rows are measured (`measure`). */
  estimateHeight: number;
  measure?: boolean;
  hasMore: boolean;
  loadMore: () => void;
  open: (index: number) => void;
  toggle: (index: number, range: boolean) => void;
}

/** Rows closer than this to the end of what is loaded ask for the next page. */
const PREFETCH_ROWS = 30;

/** Which key moves the focused row, and by how much from where (`count` = rows loaded). */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  PageDown: (index) => index + 10,
  PageUp: (index) => index - 10,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * Windowed rows scrolled with the page: only the rows on screen (plus a margin) are in the DOM.
 * One row at a time is in the tab order; arrow keys move it, Enter opens, Space ticks (Shift for a range).
 */
export function useVirtualRows(options: VirtualRowsOptions) {
  const { count, estimateHeight, measure, hasMore, loadMore, open, toggle } = options;
  const listRef = useRef<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [activeIndex, setActiveIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  const setListElement = useCallback((element: HTMLElement | null) => {
    listRef.current = element;
  }, []);

  // Where the list starts on the page moves when the filters above it wrap; measured after every render.
  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const top = Math.round(element.getBoundingClientRect().top + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateHeight,
    overscan: 8,
    scrollMargin,
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && count > 0 && lastRendered >= count - PREFETCH_ROWS) loadMore();
  }, [hasMore, count, lastRendered, loadMore]);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (!row) return;
    pendingFocus.current = null;
    row.focus({ preventScroll: true });
  });

  const clampedActive = Math.min(activeIndex, Math.max(count - 1, 0));
  const rendered = items.some((item) => item.index === clampedActive);
  // The row that takes Tab: the focused one, or the first on screen when that one has scrolled out of the DOM.
  const tabbableIndex = rendered ? clampedActive : (items[0]?.index ?? 0);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(index, count - 1));
    setActiveIndex(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: "auto" });
  }

  function onRowKeyDown(index: number, event: KeyboardEvent<HTMLElement>) {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      focusRow(move(index, count));
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(index);
    } else if (event.key === " ") {
      event.preventDefault();
      toggle(index, event.shiftKey);
    }
  }

  const first = items[0];
  const last = items.at(-1);
  return {
    /** Put on the element that holds the rows (tbody or ul). */
    attachList: setListElement,
    items,
    measureElement: measure ? virtualizer.measureElement : undefined,
    paddingTop: first ? first.start - scrollMargin : 0,
    paddingBottom: last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0,
    scrollMargin,
    tabbableIndex,
    onRowKeyDown,
    onRowFocus: setActiveIndex,
  };
}

export type VirtualRows = ReturnType<typeof useVirtualRows>;
