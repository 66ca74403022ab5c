"use client";

import { formatCount } from "@/lib/format/numbers";
import { NativeSelect } from "@/components/clients/field-controls";
import { Button } from "@/components/ui/button";
import type { CsvPreviewResponse } from "@/lib/contracts/contact-csv";
import { IMPORTABLE_COLUMNS, REPEATABLE_FIELDS } from "@/lib/csv-columns";
import { ErrorAlert } from "@/components/error-alert";

const NAME_FIELDS = ["displayName", "firstName", "lastName"];

interface MapStepProps {
  preview: CsvPreviewResponse;
  mapping: (string | null)[];
  busy: boolean;
  error: string | null;
  onChange: (mapping: (string | null)[]) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Which field each column fills: suggested from the headers, changed here; a field goes to one column only (email and phone to several). */
export function MapStep({ preview, mapping, busy, error, onChange, onBack, onNext }: MapStepProps) {
  const hasName = mapping.some((field) => field !== null && NAME_FIELDS.includes(field));

  function choose(column: number, field: string | null) {
    const shared = field !== null && REPEATABLE_FIELDS.has(field);
    onChange(
      mapping.map((current, index) => (index === column ? field : current === field && !shared ? null : current)),
    );
  }

  return (
    <div className="grid gap-5">
      <p className="text-sm break-words text-muted-foreground">
        {preview.format === "vcard" ? (
          <>
            {preview.fileName}: {formatCount(preview.rowCount)} contact {preview.rowCount === 1 ? "card" : "cards"}{" "}
            (vCard), read into the columns below. Rows are the cards in file order, numbered from 1. Choose the client
            field for each column, or leave it out.
          </>
        ) : (
          <>
            {preview.fileName}: {formatCount(preview.rowCount)} {preview.rowCount === 1 ? "row" : "rows"}, separated by{" "}
            {preview.delimiter === ";" ? "semicolons" : "commas"}. Choose the client field for each column, or leave it
            out.
          </>
        )}
      </p>
      <ul className="grid gap-3" aria-label="Columns of the file">
        {preview.headers.map((header, column) => {
          const examples = preview.sampleRows
            .map((row) => row.cells[column] ?? "")
            .filter((cell) => cell.trim() !== "");
          const selectId = `column-${column}`;
          const chosen = mapping[column] ?? "";
          const hint = IMPORTABLE_COLUMNS.find((entry) => entry.field === chosen)?.hint;
          return (
            <li
              key={selectId}
              className="grid gap-2 rounded-lg border bg-card p-3 sm:grid-cols-[1fr_16rem] sm:items-center"
            >
              <div className="grid min-w-0 gap-1">
                <label htmlFor={selectId} className="font-medium">
                  {header || `Column ${column + 1}`}
                </label>
                <p className="truncate text-xs text-muted-foreground">
                  {examples.length > 0 ? `e.g. ${examples.slice(0, 3).join(" · ")}` : "Empty in the first rows"}
                </p>
              </div>
              <div className="grid gap-1">
                <NativeSelect
                  id={selectId}
                  value={chosen}
                  onChange={(event) => choose(column, event.target.value || null)}
                >
                  <option value="">Don’t import</option>
                  {IMPORTABLE_COLUMNS.map((entry) => (
                    <option key={entry.field} value={entry.field}>
                      {entry.header}
                    </option>
                  ))}
                </NativeSelect>
                {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
              </div>
            </li>
          );
        })}
      </ul>
      {!hasName && (
        <ErrorAlert
          title="Choose a name column"
          message="Match a column to Display name, or to First name or Last name."
        />
      )}
      <ErrorAlert title="The file could not be checked" message={error} />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button variant="outline" onClick={onBack} disabled={busy}>
          Choose another file
        </Button>
        <Button onClick={onNext} disabled={busy || !hasName}>
          {busy ? "Checking…" : "Check the file"}
        </Button>
      </div>
    </div>
  );
}
