"use client";

import type { ConsentDocument } from "@/lib/contracts/consents";
import { cn } from "@/lib/utils";

/** Each document's answer: agreed, declined, or not answered yet (null). */
export type ConsentAnswers = Record<string, boolean | null | undefined>;

/**
 * Each current consent document with its full text (scrollable, readable before answering) and an
 * explicit answer: the required one can only be agreed to; the optional ones need "I agree" or
 * "I do not agree", with nothing chosen in advance.
 */
export function ConsentSection({
  documents,
  answers,
  onAnswer,
  error,
}: {
  documents: readonly ConsentDocument[];
  answers: ConsentAnswers;
  onAnswer: (documentId: string, granted: boolean) => void;
  error: string | undefined;
}) {
  return (
    <div className="grid gap-4">
      {documents.map((document) => {
        const answer = answers[document.id];
        const missing = error !== undefined && (answer === undefined || answer === null);
        return (
          <fieldset
            key={document.id}
            className={cn("grid gap-3 rounded-lg border p-3", missing && "border-destructive")}
            aria-describedby={`consent-text-${document.id}`}
          >
            <legend className="px-1 text-sm font-medium">
              {document.title} {document.required ? "(required)" : "(optional)"}
            </legend>
            <div
              id={`consent-text-${document.id}`}
              tabIndex={0}
              className="max-h-48 overflow-y-auto rounded-md bg-muted/50 p-3 text-sm whitespace-pre-wrap"
            >
              {document.body}
            </div>
            <p className="text-xs text-muted-foreground">Version {document.version}</p>
            {document.required ? (
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`consents.${document.id}`}
                  className="mt-0.5 size-5"
                  checked={answer === true}
                  onChange={(event) => onAnswer(document.id, event.target.checked)}
                />
                I have read this and agree.
              </label>
            ) : (
              <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                {[true, false].map((granted) => (
                  <label key={String(granted)} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`consents.${document.id}`}
                      className="size-5"
                      checked={answer === granted}
                      onChange={() => onAnswer(document.id, granted)}
                    />
                    {granted ? "I agree" : "I do not agree"}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
