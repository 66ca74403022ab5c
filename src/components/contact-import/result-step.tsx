import { CircleCheckIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/contact-display";
import type { CsvImportResult } from "@/lib/contracts/contact-csv";

function RowList({ title, open, children }: { title: string; open: boolean; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <details open={open} className="rounded-lg border bg-card p-3">
      <summary className="cursor-pointer font-medium">{title}</summary>
      <ul className="mt-2 grid max-h-96 gap-1 overflow-y-auto text-sm">{children}</ul>
    </details>
  );
}

/** What the import did, row by row: created, merged (and which empty fields it filled), skipped and why. */
export function ResultStep({ result, onAgain }: { result: CsvImportResult; onAgain: () => void }) {
  const { created, merged, skipped } = result;
  return (
    <div className="grid gap-5">
      <Alert variant="success" role="status">
        <CircleCheckIcon aria-hidden="true" />
        <AlertTitle>Import finished</AlertTitle>
        <AlertDescription>
          <p>
            {countOf(created.length, "client")} created, {countOf(merged.length, "row")} merged,{" "}
            {countOf(skipped.length, "row")} skipped.
          </p>
        </AlertDescription>
      </Alert>
      <RowList title={`Skipped (${skipped.length})`} open>
        {skipped.map((entry) => (
          <li key={entry.row}>
            <span className="font-medium">Row {entry.row}</span>: {entry.reason}
          </li>
        ))}
      </RowList>
      <RowList title={`Merged (${merged.length})`} open={false}>
        {merged.map((entry) => (
          <li key={entry.row}>
            <span className="font-medium">Row {entry.row}</span> into {entry.displayName}
            {entry.intoRow === null ? "" : ` (row ${entry.intoRow})`}:{" "}
            {[...entry.filledFields, ...entry.tagsAdded.map((tag) => `tag ${tag}`)].join(", ") || "nothing new"}
          </li>
        ))}
      </RowList>
      <RowList title={`Created (${created.length})`} open={false}>
        {created.map((entry) => (
          <li key={entry.row}>
            <span className="font-medium">Row {entry.row}</span>:{" "}
            <Link className="underline underline-offset-2" href={`/clients/${entry.contactId}`}>
              {entry.displayName}
            </Link>
          </li>
        ))}
      </RowList>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button variant="outline" onClick={onAgain}>
          Import another file
        </Button>
        <Button asChild>
          <Link href="/clients">Back to clients</Link>
        </Button>
      </div>
    </div>
  );
}
