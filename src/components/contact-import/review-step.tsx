"use client";

import { useState } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/contact-display";
import type { CsvDryRunResponse, DuplicateAction } from "@/lib/contracts/contact-csv";
import { DuplicateChoices } from "./duplicate-choices";
import { ErrorAlert } from "@/components/error-alert";

/** Long error lists are cut here; the result lists every skipped row anyway. */
const SHOWN_ERRORS = 200;

interface ReviewStepProps {
  report: CsvDryRunResponse;
  defaultAction: DuplicateAction;
  busy: boolean;
  error: string | null;
  onDefault: (action: DuplicateAction) => void;
  onChoose: (row: number, action: DuplicateAction) => void;
  onBack: () => void;
  onImport: () => void;
}

/** The dry run: what will be added, merged and skipped, each invalid value, each duplicate; then a confirmed import. */
export function ReviewStep(props: ReviewStepProps) {
  const { report, busy, error } = props;
  const [confirming, setConfirming] = useState(false);
  const { create, merge, skipDuplicate, skipInvalid } = report.summary;
  const writes = create + merge;
  return (
    <div className="grid gap-6">
      <section aria-labelledby="summary-heading" className="grid gap-2">
        <h3 id="summary-heading" className="font-semibold">
          What will happen
        </h3>
        <ul className="grid gap-1 text-sm" aria-live="polite">
          <li>{countOf(create, "new client")} will be added</li>
          <li>{countOf(merge, "row")} will be merged into existing clients</li>
          <li>{countOf(skipDuplicate, "duplicate row")} will be skipped</li>
          <li>{countOf(skipInvalid, "row")} with errors will be skipped</li>
        </ul>
      </section>

      {report.errors.length > 0 && (
        <section aria-labelledby="errors-heading" className="grid gap-2">
          <h3 id="errors-heading" className="font-semibold">
            Rows with errors ({countOf(skipInvalid, "row")})
          </h3>
          <ul className="grid gap-1 text-sm">
            {report.errors.slice(0, SHOWN_ERRORS).map((rowError) => (
              <li
                key={`${rowError.row}-${rowError.field}`}
                className="rounded-md border border-destructive/30 px-3 py-2"
              >
                <span className="font-medium">Row {rowError.row}</span>, {rowError.column ?? rowError.field}:{" "}
                {rowError.message}
              </li>
            ))}
          </ul>
          {report.errors.length > SHOWN_ERRORS && (
            <p className="text-sm text-muted-foreground">
              And {report.errors.length - SHOWN_ERRORS} more. Fix them in the file and upload it again, or import
              without those rows.
            </p>
          )}
        </section>
      )}

      <DuplicateChoices
        duplicates={report.duplicates}
        defaultAction={props.defaultAction}
        disabled={busy}
        onDefault={props.onDefault}
        onChoose={props.onChoose}
      />

      <ErrorAlert title="Nothing was imported" message={error} />

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button variant="outline" onClick={props.onBack} disabled={busy}>
          Back to columns
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={busy || writes === 0}>
          {busy ? "Updating…" : `Import ${countOf(writes, "client")}`}
        </Button>
      </div>

      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Import {countOf(writes, "client")}?</AlertDialogTitle>
            <AlertDialogDescription>
              {countOf(create, "new client")} added, {countOf(merge, "row")} merged,{" "}
              {countOf(skipDuplicate + skipInvalid, "row")} skipped. It all happens in one step: if anything goes wrong,
              nothing is imported.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <Button
              onClick={() => {
                setConfirming(false);
                props.onImport();
              }}
            >
              Import
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
