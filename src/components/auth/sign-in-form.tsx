"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { EmailField, PasswordField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Form } from "@/components/ui/form";
import { apiRequest } from "@/lib/api-client";
import { signInInput } from "@/lib/contracts/auth";
import { SubmitButton } from "./submit-button";

/** Email + password sign-in; `next` is already checked to be a same-site path. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const contract = useContractForm(signInInput, {
    defaultValues: { email: "", password: "" },
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      await apiRequest("/api/auth/sign-in", { body: values });
      router.replace(next);
    },
  });

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-5">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <EmailField control={contract.form.control} name="email" label="Email" autoComplete="username" />
        <PasswordField control={contract.form.control} name="password" label="Password" purpose="current" />
        <div className="-mt-2 flex justify-end">
          <Link href="/reset-password" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Forgot your password?
          </Link>
        </div>
        <SubmitButton pending={contract.pending} label="Sign in" pendingLabel="Signing in…" />
      </form>
    </Form>
  );
}
