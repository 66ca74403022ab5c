"use client";

import { LoaderCircleIcon, PenLineIcon } from "lucide-react";
import { useState } from "react";
import { Textarea } from "@/components/clients/field-controls";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { AMENDMENT_MAX_LENGTH, createAmendmentInput } from "@/lib/contracts/notes";
import { useAddAmendment } from "./use-notes";

/** Adds a dated addendum to a signed note; validated in the browser with the API's own contract. */
export function AmendmentForm({ contactId, noteId }: { contactId: string; noteId: string }) {
  const [open, setOpen] = useState(false);

  if (!open)
    return (
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <PenLineIcon aria-hidden="true" />
        Add amendment
      </Button>
    );

  return <OpenAmendmentForm contactId={contactId} noteId={noteId} onClose={() => setOpen(false)} />;
}

/** Mounted while open, so a reopened form starts blank. */
function OpenAmendmentForm({ contactId, noteId, onClose }: { contactId: string; noteId: string; onClose: () => void }) {
  const addAmendment = useAddAmendment(contactId);
  const contract = useContractForm(createAmendmentInput, {
    defaultValues: { body: "" },
    keepPendingOnSuccess: true,
    onSubmit: async ({ body }) => {
      await addAmendment.mutateAsync({ noteId, body });
      onClose();
    },
  });

  return (
    <Form {...contract.form}>
      <form onSubmit={contract.onSubmit} className="grid gap-3" noValidate>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={contract.form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Amendment</FormLabel>
              <FormControl>
                <Textarea {...field} rows={3} autoFocus maxLength={AMENDMENT_MAX_LENGTH} />
              </FormControl>
              <FormDescription>
                Dated now and shown under the signed note. Amendments cannot be changed later.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" size="sm" disabled={contract.pending} onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={contract.pending}>
            {contract.pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            Add amendment
          </Button>
        </div>
      </form>
    </Form>
  );
}
