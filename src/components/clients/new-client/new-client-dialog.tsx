"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { FormErrorAlert } from "@/components/auth/form-error-alert";
import { useContractForm } from "@/components/auth/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createContactInput, LIFECYCLE_STAGES } from "@/lib/contracts/contacts";
import { NativeSelect } from "../field-controls";
import { CONTACTS_QUERY_KEY } from "../list/use-contact-list";
import { createContactRequest, DuplicateContactError } from "./create-contact-request";

/** The first fields of a client; the rest are filled in on the client's page. */
const TEXT_FIELDS = [
  { name: "firstName", label: "First name", autoComplete: "off" },
  { name: "lastName", label: "Last name", autoComplete: "off" },
  { name: "email", label: "Email", type: "email", inputMode: "email", autoComplete: "off" },
  { name: "phone", label: "Phone", type: "tel", inputMode: "tel", autoComplete: "off" },
  { name: "pronouns", label: "Pronouns", autoComplete: "off" },
  { name: "referralSource", label: "Referred by", autoComplete: "off" },
] as const;

/**
 * "New client": checked in the browser with the API's own contract. A client already on file
 * with the same email or phone is offered instead, with "Create anyway" to keep both.
 */
export function NewClientDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New client</DialogTitle>
          <DialogDescription>Only the name is required; add the rest now or later.</DialogDescription>
        </DialogHeader>
        <NewClientForm onCancel={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

/** Mounted only while the dialog is open, so a reopened dialog starts blank. */
function NewClientForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [insist, setInsist] = useState(false);
  const form = useContractForm({
    schema: createContactInput,
    extraValues: { allowDuplicate: insist },
    submit: async (values) => {
      const contact = await createContactRequest(values);
      await queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      router.push(`/clients/${contact.id}`);
    },
  });
  const duplicate = form.formError instanceof DuplicateContactError ? form.formError : null;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit}
      onInput={() => setInsist(false)}
      className="grid gap-4 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <FormErrorAlert error={form.formError} alertRef={form.formErrorRef}>
          {duplicate && (
            <div className="mt-2 flex flex-wrap gap-2">
              <Button asChild size="sm" variant="outline">
                <Link href={`/clients/${duplicate.duplicateId}`}>Open existing</Link>
              </Button>
              <Button
                size="sm"
                variant="outline"
                onClick={() => {
                  flushSync(() => setInsist(true));
                  formRef.current?.requestSubmit();
                }}
              >
                Create anyway
              </Button>
            </div>
          )}
        </FormErrorAlert>
      </div>
      <FormField label="Name" hint="As you address them" error={form.fieldErrors.displayName} className="sm:col-span-2">
        {(control) => <Input {...control} name="displayName" autoComplete="off" required />}
      </FormField>
      {TEXT_FIELDS.map((field) => (
        <FormField key={field.name} label={field.label} error={form.fieldErrors[field.name]}>
          {(control) => (
            <Input
              {...control}
              name={field.name}
              autoComplete={field.autoComplete}
              {...("type" in field ? { type: field.type, inputMode: field.inputMode } : {})}
            />
          )}
        </FormField>
      ))}
      <FormField label="Stage" error={form.fieldErrors.lifecycleStage}>
        {(control) => (
          <NativeSelect {...control} name="lifecycleStage" defaultValue="New Client">
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage}>{stage}</option>
            ))}
          </NativeSelect>
        )}
      </FormField>
      <div className="flex flex-col-reverse gap-2 sm:col-span-2 sm:flex-row sm:justify-end">
        <Button variant="outline" disabled={form.pending} onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Creating…" : "Create client"}
        </Button>
      </div>
    </form>
  );
}
