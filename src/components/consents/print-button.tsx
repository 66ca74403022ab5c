"use client";

import { PrinterIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog, where "Save as PDF" is one of the printers. */
export function PrintButton() {
  return (
    <Button type="button" className="print:hidden" onClick={() => window.print()}>
      <PrinterIcon aria-hidden="true" />
      Print or save as PDF
    </Button>
  );
}
