"use client";

import { useCallback, useState } from "react";
import { apiDownload, isApiError } from "@/lib/api-client";
import { countOf } from "@/lib/contact-display";
import { saveFile } from "@/lib/save-file";

/** Downloads the ticked clients as CSV (`POST /api/contacts/export`), with progress and a readable failure. */
export function useExportSelection(announce: (message: string) => void) {
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportIds = useCallback(
    async (ids: string[]) => {
      setExporting(true);
      setError(null);
      try {
        saveFile(await apiDownload("/api/contacts/export", { body: { ids }, fallbackName: "clients.csv" }));
        announce(`Exported ${countOf(ids.length, "client")} to a CSV file`);
      } catch (cause) {
        setError(isApiError(cause) ? cause.message : "The export did not finish. Try again.");
      } finally {
        setExporting(false);
      }
    },
    [announce],
  );
  return { exporting, error, exportIds, clearError: useCallback(() => setError(null), []) };
}
