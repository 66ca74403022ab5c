"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
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

/** A blank client: every field the dialog edits, and whether a matching client on file may be kept beside it. */
const NEW_CLIENT = {
  displayName: "",
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  pronouns: "",
  referralSource: "",
  lifecycleStage: "New Client" as (typeof LIFECYCLE_STAGES)[number],
  allowDuplicate: false,
};

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
  const contract = useContractForm(createContactInput, {
    defaultValues: NEW_CLIENT,
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      const contact = await createContactRequest(values);
      await queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      router.push(`/clients/${contact.id}`);
    },
  });
  const { control, setValue } = contract.form;
  const duplicate = contract.formError instanceof DuplicateContactError ? contract.formError : null;

  return (
    <Form {...contract.form}>
      <form
        ref={formRef}
        noValidate
        onSubmit={contract.onSubmit}
        // Any change after a duplicate warning asks again: "Create anyway" applies to what was shown.
        onInput={() => setValue("allowDuplicate", false)}
        className="grid gap-4 sm:grid-cols-2"
      >
        <div className="sm:col-span-2">
          <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef}>
            {duplicate && (
              <div className="mt-2 flex flex-wrap gap-2">
                <Button asChild size="sm" variant="outline">
                  <Link href={`/clients/${duplicate.duplicateId}`}>Open existing</Link>
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => {
                    setValue("allowDuplicate", true);
                    formRef.current?.requestSubmit();
                  }}
                >
                  Create anyway
                </Button>
              </div>
            )}
          </FormErrorAlert>
        </div>
        <FormField
          control={control}
          name="displayName"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>Name</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" required />
              </FormControl>
              <FormDescription>As you address them</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        {TEXT_FIELDS.map((text) => (
          <FormField
            key={text.name}
            control={control}
            name={text.name}
            render={({ field }) => (
              <FormItem>
                <FormLabel>{text.label}</FormLabel>
                <FormControl>
                  <Input
                    {...field}
                    value={field.value ?? ""}
                    autoComplete={text.autoComplete}
                    {...("type" in text ? { type: text.type, inputMode: text.inputMode } : {})}
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <FormField
          control={control}
          name="lifecycleStage"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Stage</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {LIFECYCLE_STAGES.map((stage) => (
                    <option key={stage}>{stage}</option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-col-reverse gap-2 sm:col-span-2 sm:flex-row sm:justify-end">
          <Button variant="outline" disabled={contract.pending} onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Creating…" : "Create client"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
