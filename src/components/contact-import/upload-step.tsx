"use client";

import { LoaderCircleIcon, UploadIcon } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { formatCount } from "@/lib/format/numbers";
import { CSV_IMPORT_LIMITS } from "@/lib/contracts/contact-csv";
import { cn } from "@/lib/utils";
import { ErrorAlert } from "@/components/error-alert";
import { ExportHelp } from "./export-help";

const MEGABYTES = CSV_IMPORT_LIMITS.bytes / (1024 * 1024);

interface UploadStepProps {
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
}

/** Choose (or drop) a CSV or vCard file; the file is checked whole before any mapping. */
export function UploadStep({ busy, error, onFile }: UploadStepProps) {
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  function dropped(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  }

  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted-foreground" id={hintId}>
        A CSV file (UTF-8, separated by commas or semicolons) with one client per row and a header row of column names,
        or a vCard file (.vcf) of contact cards. Up to {formatCount(CSV_IMPORT_LIMITS.rows)} clients and {MEGABYTES} MB.
        Nothing is imported until you confirm.
      </p>
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
        className={cn(
          "flex cursor-pointer flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/30 hover:bg-accent/50",
          dragging && "border-primary bg-accent",
          busy && "pointer-events-none opacity-70",
        )}
      >
        {busy ? (
          <LoaderCircleIcon aria-hidden="true" className="size-8 animate-spin text-muted-foreground" />
        ) : (
          <UploadIcon aria-hidden="true" className="size-8 text-muted-foreground" />
        )}
        <span className="font-medium">{busy ? "Reading your file…" : "Choose a CSV or vCard file"}</span>
        <span className="text-sm text-muted-foreground">or drop it here</span>
        <input
          id={inputId}
          type="file"
          accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard"
          className="sr-only"
          aria-describedby={hintId}
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      <ErrorAlert title="This file can't be imported" message={error} />
      <ExportHelp />
    </div>
  );
}
