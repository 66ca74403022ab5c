"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { PasswordField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Form } from "@/components/ui/form";
import { apiRequest, type ApiErrorCode } from "@/lib/api-client";
import { confirmResetPasswordInput } from "@/lib/contracts/auth";
import { PasswordStrengthMeter } from "./password-strength-meter";
import { SubmitButton } from "./submit-button";

/** Sets a new password with the token from the emailed link, then sends the practitioner to sign in. */
export function ConfirmResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const contract = useContractForm(confirmResetPasswordInput, {
    // The token is a value of the form that no input edits.
    defaultValues: { token, password: "" },
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      await apiRequest("/api/auth/reset-password/confirm", { body: values });
      router.replace("/sign-in?notice=password-changed");
    },
  });
  const password = useWatch({ control: contract.form.control, name: "password" }) ?? "";
  const linkRefused = contract.formError !== null && !PASSING_PROBLEMS.has(contract.formError.code);

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-5">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef}>
          {linkRefused && (
            <Link href="/reset-password" className="font-medium underline underline-offset-4">
              Request a new link
            </Link>
          )}
        </FormErrorAlert>
        <PasswordField control={contract.form.control} name="password" label="New password" purpose="new" />
        <PasswordStrengthMeter password={password} context={NO_CONTEXT} />
        <SubmitButton pending={contract.pending} label="Set new password" pendingLabel="Saving…" />
      </form>
    </Form>
  );
}

/** The link does not say whose account it is, as in the contract. */
const NO_CONTEXT = {};

/** Failures that say nothing about the link itself; any other refusal means it is used, expired or unknown. */
const PASSING_PROBLEMS = new Set<ApiErrorCode>(["network", "internal", "unavailable", "rate_limited"]);
