"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { MailIcon } from "lucide-react";
import { useForm } from "react-hook-form";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { ErrorAlert } from "@/components/error-alert";
import { FormErrorAlert } from "@/components/auth/form-error-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import { okResponse } from "@/lib/contracts/auth";
import {
  emailChangeRequest,
  emailChangeRequestedResponse,
  emailChangeStatusResponse,
  type EmailChangeRequest,
  type EmailChangeStatusResponse,
} from "@/lib/contracts/security";
import { useServerErrors } from "./use-server-errors";

export const EMAIL_CHANGE_QUERY_KEY = ["auth", "email-change"] as const;
const FIELDS = ["newEmail", "currentPassword"] as const;

/** The pending change (with "cancel" where the provider allows it) and the form that starts a new one. */
export function ChangeEmailSection({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: EMAIL_CHANGE_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest("/api/auth/email-change", { schema: emailChangeStatusResponse, signal }),
  });
  const form = useForm<EmailChangeRequest>({
    resolver: zodResolver(emailChangeRequest),
    defaultValues: { newEmail: "", currentPassword: "" },
  });
  const server = useServerErrors(form, FIELDS);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    try {
      const sent = await apiRequest("/api/auth/email-change", { body: values, schema: emailChangeRequestedResponse });
      queryClient.setQueryData<EmailChangeStatusResponse>(EMAIL_CHANGE_QUERY_KEY, {
        pending: sent.pending,
        canCancel: sent.canCancel,
      });
      form.reset();
    } catch (error) {
      server.show(error);
    }
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
                  await queryClient.invalidateQueries({ queryKey: EMAIL_CHANGE_QUERY_KEY });
                }}
              />
            ) : (
              <p className="text-muted-foreground">The link expires on its own; a new request replaces it.</p>
            )}
          </AlertDescription>
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="grid gap-5" aria-label="Change email">
        <FormErrorAlert error={server.formError} alertRef={server.formErrorRef} />
        <FormField
          label="New email address"
          hint="We send a confirmation link there; nothing changes until it is opened."
          error={errors.newEmail?.message}
        >
          {(control) => (
            <Input {...control} {...form.register("newEmail")} type="email" autoComplete="email" required />
          )}
        </FormField>
        <FormField label="Current password" error={errors.currentPassword?.message}>
          {(control) => (
            <PasswordInput
              {...control}
              {...form.register("currentPassword")}
              autoComplete="current-password"
              required
            />
          )}
        </FormField>
        <div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Sending…" : "Send confirmation link"}
          </Button>
        </div>
      </form>
    </div>
  );
}
