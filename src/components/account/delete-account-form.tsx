"use client";

import { LoaderCircleIcon, Trash2Icon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import { confirmsAccountDeletion, DELETE_ACCOUNT_PHRASE } from "@/lib/contracts/account";

/** The danger zone: the button stays disabled until the phrase (or the email) is typed exactly. */
export function DeleteAccountForm({ email }: { email: string }) {
  const [confirmation, setConfirmation] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmed = confirmsAccountDeletion(confirmation, email);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || pending) return;
    setPending(true);
    setError(null);
    try {
      const result = (await apiRequest("/api/account/delete", { method: "POST", body: { confirmation } })) as {
        redirectTo: string;
      };
      // A full page load: every cached view of the deleted account goes with it.
      window.location.assign(result.redirectTo);
    } catch (caught) {
      setPending(false);
      setError(isApiError(caught) ? caught.message : "Your account could not be deleted. Try again.");
    }
  }

  return (
    <form className="grid max-w-md gap-4" onSubmit={(event) => void submit(event)}>
      <FormField
        label={`Type “${DELETE_ACCOUNT_PHRASE}” or your email to confirm`}
        hint="This cannot be undone. Download your data first if you want a copy."
      >
        {(field) => (
          <Input
            {...field}
            value={confirmation}
            autoComplete="off"
            spellCheck={false}
            disabled={pending}
            onChange={(event) => setConfirmation(event.target.value)}
          />
        )}
      </FormField>
      <ErrorAlert message={error} />
      <Button type="submit" variant="destructive" className="justify-self-start" disabled={!confirmed || pending}>
        {pending ? <LoaderCircleIcon aria-hidden="true" className="animate-spin" /> : <Trash2Icon aria-hidden="true" />}
        {pending ? "Deleting your account…" : "Delete my account"}
      </Button>
    </form>
  );
}
