"use client";

import { CircleCheckIcon, LoaderCircleIcon } from "lucide-react";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiRequest, isApiError } from "@/lib/api-client";
import { emailChangeConfirmedResponse } from "@/lib/contracts/security";

/** Spends the link's token on a press (never on page load), then says which address the account now uses. */
export function ConfirmEmailChange({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const confirmed = await apiRequest("/api/auth/email-change/confirm", {
        body: { token },
        schema: emailChangeConfirmedResponse,
      });
      setEmail(confirmed.email);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The address could not be confirmed. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (email) {
    return (
      <Alert variant="success" role="status">
        <CircleCheckIcon aria-hidden="true" />
        <AlertDescription>
          <p>
            Done: your account now uses <strong className="font-medium break-all">{email}</strong>. Sign in with it from
            now on.
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid gap-4">
      <ErrorAlert message={error} />
      <Button size="lg" className="w-full" disabled={pending} onClick={() => void confirm()}>
        {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
        {pending ? "Confirming…" : "Confirm new address"}
      </Button>
    </div>
  );
}
