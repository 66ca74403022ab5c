"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { isShortcutPress } from "@/components/clients/list/use-page-shortcuts";
import { QuickAddDialog } from "./quick-add-dialog";

/** What the quick-add starts with when opened from a page about something (a client). */
export interface QuickAddPreset {
  contactId?: string;
  contactName?: string;
}

interface QuickAddControl {
  open: (preset?: QuickAddPreset) => void;
}

const QuickAddContext = createContext<QuickAddControl | null>(null);

/** The key that opens the quick-add from any signed-in screen (when no field has focus). */
export const QUICK_ADD_KEY = "q";

/**
 * Holds the one quick-add dialog of the signed-in shell and opens it on `q` (no modifier, nothing being
 * typed into: `q` is no browser shortcut, unlike Ctrl/⌘ combinations) or from any `QuickAddButton`.
 */
export function QuickAddProvider({ children }: { children: ReactNode }) {
  const [preset, setPreset] = useState<QuickAddPreset | null>(null);
  const open = useCallback((next: QuickAddPreset = {}) => setPreset(next), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== QUICK_ADD_KEY || !isShortcutPress(event)) return;
      event.preventDefault();
      setPreset({});
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const control = useMemo(() => ({ open }), [open]);
  return (
    <QuickAddContext.Provider value={control}>
      {children}
      <QuickAddDialog preset={preset} onClose={() => setPreset(null)} />
    </QuickAddContext.Provider>
  );
}

export function useQuickAdd(): QuickAddControl {
  const control = useContext(QuickAddContext);
  if (!control) throw new Error("useQuickAdd needs the QuickAddProvider of the signed-in shell");
  return control;
}
