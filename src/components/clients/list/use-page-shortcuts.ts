"use client";

import { useEffect, useRef } from "react";

/** Keys typed into these are text, never shortcuts. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** While one of these is open, the page behind it takes no shortcuts. */
const OVERLAY = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/** True when a bare key press should trigger a page shortcut rather than type or operate something open. */
export function isShortcutPress(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TYPING)) return false;
  return document.querySelector(OVERLAY) === null;
}

/** Single-key shortcuts for a page (`/` to search, `n` for new), by `event.key`. */
export function usePageShortcuts(shortcuts: Record<string, () => void>) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = latest.current[event.key];
      if (!action || !isShortcutPress(event)) return;
      event.preventDefault();
      action();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
