"use client";

import { LoaderCircleIcon, Trash2Icon } from "lucide-react";
import { useWatch } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { confirmsAccountDeletion, DELETE_ACCOUNT_PHRASE, deleteAccountInput } from "@/lib/contracts/account";
import { z } from "@/lib/zod";

const deleteAccountResult = z.object({ redirectTo: z.string() });

/** The danger zone: the button stays disabled until the phrase (or the email) is typed exactly. */
export function DeleteAccountForm({ email }: { email: string }) {
  const contract = useContractForm(deleteAccountInput, {
    defaultValues: { confirmation: "" },
    // A full page load follows: every cached view of the deleted account goes with it.
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      const result = await apiRequest("/api/account/delete", { body: values, schema: deleteAccountResult });
      window.location.assign(result.redirectTo);
    },
  });
  const confirmation = useWatch({ control: contract.form.control, name: "confirmation" }) ?? "";
  const confirmed = confirmsAccountDeletion(confirmation, email);
  const { pending } = contract;

  return (
    <Form {...contract.form}>
      <form
        noValidate
        className="grid max-w-md gap-4"
        onSubmit={(event) => {
          if (confirmed) contract.onSubmit(event);
          else event.preventDefault();
        }}
      >
        <FormField
          control={contract.form.control}
          name="confirmation"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Type “{DELETE_ACCOUNT_PHRASE}” or your email to confirm</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" spellCheck={false} disabled={pending} />
              </FormControl>
              <FormDescription>This cannot be undone. Download your data first if you want a copy.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <Button type="submit" variant="destructive" className="justify-self-start" disabled={!confirmed || pending}>
          {pending ? (
            <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
          ) : (
            <Trash2Icon aria-hidden="true" />
          )}
          {pending ? "Deleting your account…" : "Delete my account"}
        </Button>
      </form>
    </Form>
  );
}
