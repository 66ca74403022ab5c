"use client";

import { useCallback, useState } from "react";
import { apiDownload, isApiError } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import type { ContactSelectionBody } from "@/lib/contracts/contact-selection";
import { saveFile } from "@/lib/save-file";

/**
 * Downloads the selected clients as CSV, with progress and a readable failure: the ticked ones
 * (`POST /api/contacts/export`), or every client matching the filters (`GET /api/contacts/export?…`,
 * the filtered export; nothing changes, so it exports what matches at that moment).
 */
export function useExportSelection(announce: (message: string) => void) {
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportSelection = useCallback(
    async (selection: ContactSelectionBody, count: number) => {
      setExporting(true);
      setError(null);
      try {
        const fallbackName = "clients.csv";
        const file =
          "ids" in selection
            ? await apiDownload("/api/contacts/export", { body: { ids: selection.ids }, fallbackName })
            : await apiDownload(`/api/contacts/export?${new URLSearchParams(selection.filter).toString()}`, {
                fallbackName,
              });
        saveFile(file);
        announce(`Exported ${countOf(count, "client")} to a CSV file`);
      } catch (cause) {
        setError(isApiError(cause) ? cause.message : "The export did not finish. Try again.");
      } finally {
        setExporting(false);
      }
    },
    [announce],
  );
  return { exporting, error, exportSelection, clearError: useCallback(() => setError(null), []) };
}
