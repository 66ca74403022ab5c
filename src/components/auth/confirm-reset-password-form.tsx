"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { apiRequest, type ApiErrorCode } from "@/lib/api-client";
import { confirmResetPasswordInput } from "@/lib/contracts/auth";
import { FormErrorAlert } from "./form-error-alert";
import { NEW_PASSWORD_HINT, PasswordStrengthMeter } from "./password-strength-meter";
import { SubmitButton } from "./submit-button";
import { useContractForm } from "./use-contract-form";

/** Sets a new password with the token from the emailed link, then sends the practitioner to sign in. */
export function ConfirmResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const form = useContractForm({
    schema: confirmResetPasswordInput,
    extraValues: { token },
    submit: async (values) => {
      await apiRequest("/api/auth/reset-password/confirm", { body: values });
      router.replace("/sign-in?notice=password-changed");
    },
  });
  const linkRefused = form.formError !== null && !PASSING_PROBLEMS.has(form.formError.code);

  return (
    <form noValidate onSubmit={form.onSubmit} className="grid gap-5">
      <FormErrorAlert error={form.formError} alertRef={form.formErrorRef}>
        {linkRefused && (
          <Link href="/reset-password" className="font-medium underline underline-offset-4">
            Request a new link
          </Link>
        )}
      </FormErrorAlert>
      <FormField label="New password" hint={NEW_PASSWORD_HINT} error={form.fieldErrors.password}>
        {(control) => (
          <PasswordInput
            {...control}
            name="password"
            autoComplete="new-password"
            required
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <PasswordStrengthMeter password={password} context={NO_CONTEXT} />
      <SubmitButton pending={form.pending} label="Set new password" pendingLabel="Saving…" />
    </form>
  );
}

/** The link does not say whose account it is, as in the contract. */
const NO_CONTEXT = {};

/** Failures that say nothing about the link itself; any other refusal means it is used, expired or unknown. */
const PASSING_PROBLEMS = new Set<ApiErrorCode>(["network", "internal", "unavailable", "rate_limited"]);
