"use client";

import { CircleCheckIcon } from "lucide-react";
import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { PasswordField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { apiRequest } from "@/lib/api-client";
import { okResponse } from "@/lib/contracts/auth";
import { changePasswordInput } from "@/lib/contracts/security";

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
  const [changed, setChanged] = useState(false);
  const contract = useContractForm(schema, {
    defaultValues: { currentPassword: "", newPassword: "" },
    onSubmit: async (values, { form }) => {
      setChanged(false);
      await apiRequest("/api/auth/password", { body: values, schema: okResponse });
      form.reset();
      setChanged(true);
      onChanged();
    },
  });
  const newPassword = useWatch({ control: contract.form.control, name: "newPassword" });

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-5" aria-label="Change password">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        {changed && (
          <Alert variant="success" role="status">
            <CircleCheckIcon aria-hidden="true" />
            <AlertDescription>
              <p>Password changed. Every other device was signed out; this one stays signed in.</p>
            </AlertDescription>
          </Alert>
        )}
        <PasswordField
          control={contract.form.control}
          name="currentPassword"
          label="Current password"
          purpose="current"
        />
        <PasswordField control={contract.form.control} name="newPassword" label="New password" purpose="new" />
        <PasswordStrengthMeter password={newPassword} context={{ email, displayName }} />
        <div>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
