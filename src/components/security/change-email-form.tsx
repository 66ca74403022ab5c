"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MailIcon } from "lucide-react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { ErrorAlert } from "@/components/error-alert";
import { EmailField, PasswordField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import { okResponse } from "@/lib/contracts/auth";
import {
  emailChangeRequest,
  emailChangeRequestedResponse,
  emailChangeStatusResponse,
  type EmailChangeStatusResponse,
} from "@/lib/contracts/security";
import { queryKeys } from "@/lib/query-keys";

/** The pending change (with "cancel" where the provider allows it) and the form that starts a new one. */
export function ChangeEmailSection({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: queryKeys.emailChange,
    queryFn: ({ signal }) => apiRequest("/api/auth/email-change", { schema: emailChangeStatusResponse, signal }),
  });
  const contract = useContractForm(emailChangeRequest, {
    defaultValues: { newEmail: "", currentPassword: "" },
    onSubmit: async (values, { form }) => {
      const sent = await apiRequest("/api/auth/email-change", { body: values, schema: emailChangeRequestedResponse });
      queryClient.setQueryData<EmailChangeStatusResponse>(queryKeys.emailChange, {
        pending: sent.pending,
        canCancel: sent.canCancel,
      });
      form.reset();
    },
  });

  const pending = status.data?.pending ?? null;
  return (
    <div className="grid gap-5">
      <p className="text-sm">
        You sign in with <strong className="font-medium break-all">{email}</strong>.
      </p>
      {status.isPending && (
        <div role="status">
          <span className="sr-only">Loading the pending change…</span>
          <Skeleton className="h-16 w-full" />
        </div>
      )}
      {status.isError && (
        <ErrorAlert
          message={isApiError(status.error) ? status.error.message : "The pending email change could not be loaded."}
        />
      )}
      {pending && (
        <Alert role="status">
          <MailIcon aria-hidden="true" />
          <AlertTitle>Waiting for confirmation</AlertTitle>
          <AlertDescription>
            <p>
              We sent a link to <strong className="font-medium break-all">{pending.newEmail}</strong>. Your address
              changes when you open it; until then you keep signing in with {email}.
            </p>
            {status.data?.canCancel ? (
              <ConfirmActionDialog
                trigger={
                  <Button variant="outline" size="sm" className="mt-2">
                    Cancel this change
                  </Button>
                }
                title="Cancel the email change?"
                description={`The link sent to ${pending.newEmail} will stop working. Your address stays ${email}.`}
                cancelLabel="Keep it"
                confirmLabel="Cancel the change"
                pendingLabel="Cancelling…"
                variant="destructive"
                fallbackError="The change could not be cancelled. Try again."
                onConfirm={async () => {
                  await apiRequest("/api/auth/email-change", { method: "DELETE", schema: okResponse });
                  await queryClient.invalidateQueries({ queryKey: queryKeys.emailChange });
                }}
              />
            ) : (
              <p className="text-muted-foreground">The link expires on its own; a new request replaces it.</p>
            )}
          </AlertDescription>
        </Alert>
      )}
      <Form {...contract.form}>
        <form noValidate onSubmit={contract.onSubmit} className="grid gap-5" aria-label="Change email">
          <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
          <EmailField
            control={contract.form.control}
            name="newEmail"
            label="New email address"
            description="We send a confirmation link there; nothing changes until it is opened."
          />
          <PasswordField
            control={contract.form.control}
            name="currentPassword"
            label="Current password"
            purpose="current"
          />
          <div>
            <Button type="submit" disabled={contract.pending}>
              {contract.pending ? "Sending…" : "Send confirmation link"}
            </Button>
          </div>
        </form>
      </Form>
    </div>
  );
}
