"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
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
        <FormField
          control={contract.form.control}
          name="email"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Email</FormLabel>
              <FormControl>
                <Input {...field} type="email" autoComplete="username" inputMode="email" required />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={contract.form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Password</FormLabel>
              <FormControl>
                <PasswordInput {...field} autoComplete="current-password" required />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
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
