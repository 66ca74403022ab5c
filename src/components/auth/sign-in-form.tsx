"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { apiRequest } from "@/lib/api-client";
import { signInInput } from "@/lib/contracts/auth";
import { FormErrorAlert } from "./form-error-alert";
import { SubmitButton } from "./submit-button";
import { useContractForm } from "./use-contract-form";

/** Email + password sign-in; `next` is already checked to be a same-site path. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const form = useContractForm({
    schema: signInInput,
    submit: async (values) => {
      await apiRequest("/api/auth/sign-in", { body: values });
      router.replace(next);
    },
  });

  return (
    <form noValidate onSubmit={form.onSubmit} className="grid gap-5">
      <FormErrorAlert error={form.formError} alertRef={form.formErrorRef} />
      <FormField label="Email" error={form.fieldErrors.email}>
        {(control) => (
          <Input {...control} name="email" type="email" autoComplete="username" inputMode="email" required />
        )}
      </FormField>
      <FormField label="Password" error={form.fieldErrors.password}>
        {(control) => <PasswordInput {...control} name="password" autoComplete="current-password" required />}
      </FormField>
      <div className="-mt-2 flex justify-end">
        <Link href="/reset-password" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <SubmitButton pending={form.pending} label="Sign in" pendingLabel="Signing in…" />
    </form>
  );
}
