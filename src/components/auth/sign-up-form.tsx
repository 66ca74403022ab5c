"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useWatch } from "react-hook-form";
import { EmailField, PasswordField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { signUpInput, signUpResponse } from "@/lib/contracts/auth";
import { MailSentNotice } from "./mail-sent-notice";
import { PasswordStrengthMeter } from "./password-strength-meter";
import { SubmitButton } from "./submit-button";

/**
 * Creates the practitioner's account; signed in at once unless the email must be confirmed first. The API answers
 * an address that already has an account the same way as one awaiting confirmation, so this shows one notice.
 */
export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const contract = useContractForm(signUpInput, {
    defaultValues: { displayName: "", email: "", password: "" },
    // Either a navigation or the notice replaces the form.
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      const answer = await apiRequest("/api/auth/sign-up", { body: values, schema: signUpResponse });
      if (answer.signedIn) {
        router.replace(next);
        return;
      }
      flushSync(() => setMailedTo(values.email));
      noticeRef.current?.focus();
    },
  });
  const [displayName = "", email = "", password = ""] = useWatch({
    control: contract.form.control,
    name: ["displayName", "email", "password"],
  });

  if (mailedTo) {
    return (
      <MailSentNotice title="Check your email" noticeRef={noticeRef}>
        <p>
          We sent a message to <strong className="break-all">{mailedTo}</strong>. Open it to continue: it tells you how
          to finish, or how to sign in if this address already has an account.
        </p>
      </MailSentNotice>
    );
  }

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-5">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={contract.form.control}
          name="displayName"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Your name</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="name" required />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <EmailField control={contract.form.control} name="email" label="Email" />
        <PasswordField control={contract.form.control} name="password" label="Password" purpose="new" />
        <PasswordStrengthMeter password={password} context={{ email: email.trim(), displayName }} />
        <SubmitButton pending={contract.pending} label="Create account" pendingLabel="Creating your account…" />
      </form>
    </Form>
  );
}
