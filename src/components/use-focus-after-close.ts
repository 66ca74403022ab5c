"use client";

import { useCallback, useRef } from "react";

/**
 * Where focus goes when a dialog opened from a row's button closes: back to that button, or, when
 * the button is gone (the row was deleted, or its action is no longer offered), to `fallback`, so a
 * keyboard user is never dropped at the top of the page. Pass `onCloseAutoFocus` to the dialog.
 */
export function useFocusAfterClose<T extends HTMLElement>() {
  const opener = useRef<HTMLElement | null>(null);
  const fallback = useRef<T>(null);
  const rememberOpener = useCallback((element: HTMLElement) => {
    opener.current = element;
  }, []);
  const onCloseAutoFocus = useCallback((event: Event) => {
    event.preventDefault();
    const target = opener.current?.isConnected ? opener.current : fallback.current;
    opener.current = null;
    target?.focus();
  }, []);
  return { rememberOpener, fallback, onCloseAutoFocus };
}
