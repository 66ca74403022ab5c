"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { apiRequest } from "@/lib/api-client";
import { signUpInput, signUpResponse } from "@/lib/contracts/auth";
import { FormErrorAlert } from "./form-error-alert";
import { MailSentNotice } from "./mail-sent-notice";
import { NEW_PASSWORD_HINT, PasswordStrengthMeter } from "./password-strength-meter";
import { SubmitButton } from "./submit-button";
import { useContractForm } from "./use-contract-form";

/**
 * Creates the practitioner's account; signed in at once unless the email must be confirmed first. The API answers
 * an address that already has an account the same way as one awaiting confirmation, so this shows one notice.
 */
export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const [typed, setTyped] = useState({ email: "", displayName: "", password: "" });
  const form = useContractForm({
    schema: signUpInput,
    submit: async (values) => {
      const answer = await apiRequest("/api/auth/sign-up", { body: values, schema: signUpResponse });
      if (answer.signedIn) {
        router.replace(next);
        return;
      }
      flushSync(() => setMailedTo(values.email));
      noticeRef.current?.focus();
    },
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
    <form noValidate onSubmit={form.onSubmit} onChange={(event) => setTyped(typedValues(event))} className="grid gap-5">
      <FormErrorAlert error={form.formError} alertRef={form.formErrorRef} />
      <FormField label="Your name" error={form.fieldErrors.displayName}>
        {(control) => <Input {...control} name="displayName" autoComplete="name" required />}
      </FormField>
      <FormField label="Email" error={form.fieldErrors.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" inputMode="email" required />}
      </FormField>
      <FormField label="Password" hint={NEW_PASSWORD_HINT} error={form.fieldErrors.password}>
        {(control) => <PasswordInput {...control} name="password" autoComplete="new-password" required />}
      </FormField>
      <PasswordStrengthMeter password={typed.password} context={typed} />
      <SubmitButton pending={form.pending} label="Create account" pendingLabel="Creating your account…" />
    </form>
  );
}

/** The fields the strength meter needs, read from the whole form on every change. */
function typedValues(event: FormEvent<HTMLFormElement>) {
  const values = new FormData(event.currentTarget);
  const text = (name: string) => {
    const value = values.get(name);
    return typeof value === "string" ? value : "";
  };
  return { email: text("email").trim(), displayName: text("displayName"), password: text("password") };
}
