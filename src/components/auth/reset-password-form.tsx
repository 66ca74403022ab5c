"use client";

import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { EmailField } from "@/components/forms/credential-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Form } from "@/components/ui/form";
import { apiRequest } from "@/lib/api-client";
import { resetPasswordInput, resetPasswordResponse } from "@/lib/contracts/auth";
import { MailSentNotice } from "./mail-sent-notice";
import { SubmitButton } from "./submit-button";

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function ResetPasswordForm() {
  const [answer, setAnswer] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement | null>(null);
  const contract = useContractForm(resetPasswordInput, {
    defaultValues: { email: "" },
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
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
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-5">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <EmailField control={contract.form.control} name="email" label="Email" />
        <SubmitButton pending={contract.pending} label="Send reset link" pendingLabel="Sending…" />
      </form>
    </Form>
  );
}
