"use client";

import { LoaderCircleIcon, PenLineIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { isApiError } from "@/lib/api-client";
import { AMENDMENT_MAX_LENGTH, createAmendmentInput, type NoteAmendment } from "@/lib/contracts/notes";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { addAmendment } from "./notes-api";

/** Adds a dated addendum to a signed note; validated in the browser with the API's own contract. */
export function AmendmentForm({ noteId, onAdded }: { noteId: string; onAdded: (amendment: NoteAmendment) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createAmendmentInput.safeParse({ body: text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Write the amendment");
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      onAdded(await addAmendment(noteId, parsed.data.body));
      setText("");
      setOpen(false);
    } catch (failure) {
      setError(isApiError(failure) ? (failure.fieldErrors.body ?? failure.message) : "The amendment was not saved");
    } finally {
      setPending(false);
    }
  }

  if (!open)
    return (
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <PenLineIcon aria-hidden="true" />
        Add amendment
      </Button>
    );

  return (
    <form onSubmit={(event) => void submit(event)} className="grid gap-3" noValidate>
      <FormField
        label="Amendment"
        hint="Dated now and shown under the signed note. Amendments cannot be changed later."
        error={error}
      >
        {(control) => (
          <textarea
            {...control}
            name="body"
            rows={3}
            autoFocus
            maxLength={AMENDMENT_MAX_LENGTH}
            value={text}
            onChange={(event) => setText(event.target.value)}
            className="w-full rounded-md border border-input bg-card px-3 py-2 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring aria-invalid:border-destructive"
          />
        )}
      </FormField>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={pending}>
          {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
          Add amendment
        </Button>
      </div>
    </form>
  );
}
