"use client";

import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { apiRequest } from "@/lib/api-client";
import { resetPasswordInput, resetPasswordResponse } from "@/lib/contracts/auth";
import { FormErrorAlert } from "./form-error-alert";
import { MailSentNotice } from "./mail-sent-notice";
import { SubmitButton } from "./submit-button";
import { useContractForm } from "./use-contract-form";

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ResetPasswordForm() {
  const [answer, setAnswer] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const form = useContractForm({
    schema: resetPasswordInput,
    submit: async (values) => {
      const { message } = await apiRequest("/api/auth/reset-password", { body: values, schema: resetPasswordResponse });
      flushSync(() => setAnswer(message));
      noticeRef.current?.focus();
    },
  });

  if (answer) {
    return (
      <MailSentNotice title="Check your inbox" noticeRef={noticeRef}>
        <p>{answer}</p>
      </MailSentNotice>
    );
  }

  return (
    <form noValidate onSubmit={form.onSubmit} className="grid gap-5">
      <FormErrorAlert error={form.formError} alertRef={form.formErrorRef} />
      <FormField label="Email" error={form.fieldErrors.email}>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" inputMode="email" required />}
      </FormField>
      <SubmitButton pending={form.pending} label="Send reset link" pendingLabel="Sending…" />
    </form>
  );
}
