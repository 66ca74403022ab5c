"use client";

import { NativeSelect } from "@/components/clients/field-controls";
import type { CsvDuplicate, DuplicateAction } from "@/lib/contracts/contact-csv";

const ACTION_LABELS: Record<DuplicateAction, string> = {
  skip: "Skip this row",
  merge: "Merge: fill the client’s empty fields",
};

function matchOf(duplicate: CsvDuplicate): string {
  const { target } = duplicate;
  if (target.kind === "row") return `the client from row ${target.row} of this file`;
  return `${target.displayName}, already a client`;
}

interface DuplicateChoicesProps {
  duplicates: CsvDuplicate[];
  defaultAction: DuplicateAction;
  disabled: boolean;
  onDefault: (action: DuplicateAction) => void;
  onChoose: (row: number, action: DuplicateAction) => void;
}

/** Each row that matches a client by email or phone, with what to do about it; one choice can apply to all. */
export function DuplicateChoices({ duplicates, defaultAction, disabled, onDefault, onChoose }: DuplicateChoicesProps) {
  if (duplicates.length === 0) return null;
  return (
    <section aria-labelledby="duplicates-heading" className="grid gap-3">
      <h3 id="duplicates-heading" className="font-semibold">
        Possible duplicates ({duplicates.length})
      </h3>
      <div className="grid gap-1 sm:max-w-md">
        <label htmlFor="duplicate-default" className="text-sm font-medium">
          For every duplicate
        </label>
        <NativeSelect
          id="duplicate-default"
          value={defaultAction}
          disabled={disabled}
          onChange={(event) => onDefault(event.target.value as DuplicateAction)}
        >
          {Object.entries(ACTION_LABELS).map(([action, label]) => (
            <option key={action} value={action}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </div>
      <ul className="grid gap-2">
        {duplicates.map((duplicate) => {
          const id = `duplicate-row-${duplicate.row}`;
          return (
            <li key={id} className="grid gap-2 rounded-lg border bg-card p-3 sm:grid-cols-[1fr_16rem] sm:items-center">
              <label htmlFor={id} className="text-sm">
                <span className="font-medium">Row {duplicate.row}</span>: {duplicate.displayName} has the same{" "}
                {duplicate.matchedOn} as {matchOf(duplicate)}
              </label>
              <NativeSelect
                id={id}
                value={duplicate.action}
                disabled={disabled}
                onChange={(event) => onChoose(duplicate.row, event.target.value as DuplicateAction)}
              >
                {Object.entries(ACTION_LABELS).map(([action, label]) => (
                  <option key={action} value={action}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
