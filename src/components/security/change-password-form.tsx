"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { CircleCheckIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormErrorAlert } from "@/components/auth/form-error-alert";
import { NEW_PASSWORD_HINT, PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { apiRequest } from "@/lib/api-client";
import { okResponse } from "@/lib/contracts/auth";
import { changePasswordInput, type ChangePasswordRequest } from "@/lib/contracts/security";
import { useServerErrors } from "./use-server-errors";

const FIELDS = ["currentPassword", "newPassword"] as const;

/** Current password + new one (judged with the same strength rule as sign-up); other devices are signed out. */
export function ChangePasswordForm({
  email,
  displayName,
  onChanged,
}: {
  email: string;
  displayName: string;
  onChanged: () => void;
}) {
  const schema = useMemo(() => changePasswordInput({ email, displayName }), [email, displayName]);
  const form = useForm<ChangePasswordRequest>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: "", newPassword: "" },
    shouldFocusError: true,
  });
  const server = useServerErrors(form, FIELDS);
  const [changed, setChanged] = useState(false);
  const newPassword = useWatch({ control: form.control, name: "newPassword" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    server.clear();
    setChanged(false);
    try {
      await apiRequest("/api/auth/password", { body: values, schema: okResponse });
    } catch (error) {
      server.show(error);
      return;
    }
    form.reset();
    setChanged(true);
    onChanged();
  });

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="grid gap-5" aria-label="Change password">
      <FormErrorAlert error={server.formError} alertRef={server.formErrorRef} />
      {changed && (
        <Alert variant="success" role="status">
          <CircleCheckIcon aria-hidden="true" />
          <AlertDescription>
            <p>Password changed. Every other device was signed out; this one stays signed in.</p>
          </AlertDescription>
        </Alert>
      )}
      <FormField label="Current password" error={errors.currentPassword?.message}>
        {(control) => (
          <PasswordInput {...control} {...form.register("currentPassword")} autoComplete="current-password" required />
        )}
      </FormField>
      <FormField label="New password" hint={NEW_PASSWORD_HINT} error={errors.newPassword?.message}>
        {(control) => (
          <PasswordInput {...control} {...form.register("newPassword")} autoComplete="new-password" required />
        )}
      </FormField>
      <PasswordStrengthMeter password={newPassword} context={{ email, displayName }} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
