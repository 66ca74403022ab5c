"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckIcon, LoaderCircleIcon } from "lucide-react";
import { useId, useState } from "react";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  AI_CONSENT_POLICIES,
  AI_CONSENT_POLICY_LABELS,
  aiSettingsSchema,
  updateAiSettingsInput,
  type AiConsentPolicy,
  type AiSettings,
} from "@/lib/contracts/ai";
import { queryKeys } from "@/lib/query-keys";

interface FormValues {
  enabled: boolean;
  readNotes: boolean;
  consentPolicy: AiConsentPolicy;
  /** Typed as text; the contract wants a whole number. */
  monthlyTokenQuota: string;
}

const valuesOf = (settings: AiSettings): FormValues => ({
  enabled: settings.enabled,
  readNotes: settings.readNotes,
  consentPolicy: settings.consentPolicy,
  monthlyTokenQuota: String(settings.monthlyTokenQuota),
});

const toInput = (values: FormValues) => ({
  ...values,
  monthlyTokenQuota: /^\s*\d+\s*$/.test(values.monthlyTokenQuota) ? Number(values.monthlyTokenQuota) : Number.NaN,
});

/** Settings → AI: the practitioner's own switches, checked with the API's contract. */
export function AiSettingsForm({ initial }: { initial: AiSettings }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const contract = useContractForm(updateAiSettingsInput, {
    defaultValues: valuesOf(initial),
    toInput,
    onSubmit: async (values, { form }) => {
      setSaved(false);
      const stored = await apiRequest("/api/ai/settings", { method: "PATCH", body: values, schema: aiSettingsSchema });
      form.reset(valuesOf(stored));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: queryKeys.ai.all });
    },
  });
  const { control, formState, reset } = contract.form;
  const busy = contract.pending;

  return (
    <Form {...contract.form}>
      <form
        noValidate
        aria-labelledby={`${id}-title`}
        className="grid max-w-2xl gap-6"
        onSubmit={contract.onSubmit}
        onChange={() => setSaved(false)}
      >
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Your AI settings
        </h2>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={control}
          name="enabled"
          render={({ field }) => (
            <FormItem className="flex flex-row items-start gap-3">
              <FormControl>
                <input
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0"
                  checked={field.value}
                  onChange={(event) => field.onChange(event.target.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              </FormControl>
              <div className="grid gap-1">
                <FormLabel>Use AI features</FormLabel>
                <FormDescription>
                  Off until you turn it on. Nothing is sent to an AI service while it is off.
                </FormDescription>
              </div>
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="readNotes"
          render={({ field }) => (
            <FormItem className="flex flex-row items-start gap-3">
              <FormControl>
                <input
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0"
                  checked={field.value}
                  onChange={(event) => field.onChange(event.target.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              </FormControl>
              <div className="grid gap-1">
                <FormLabel>AI may read session notes</FormLabel>
                <FormDescription>
                  Needed for client summaries. Names, emails, phone numbers, addresses and dates of birth are replaced
                  with placeholders before a note leaves OmniCRM.
                </FormDescription>
              </div>
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="consentPolicy"
          render={({ field }) => (
            <FormItem>
              <fieldset className="grid gap-2">
                <legend className="text-sm font-medium">Whose data AI may use</legend>
                {AI_CONSENT_POLICIES.map((policy) => (
                  <label key={policy} className="flex items-start gap-3 text-sm">
                    <input
                      type="radio"
                      className="mt-0.5 size-4 shrink-0"
                      name={field.name}
                      value={policy}
                      checked={field.value === policy}
                      onChange={() => field.onChange(policy)}
                      onBlur={field.onBlur}
                    />
                    <span>{AI_CONSENT_POLICY_LABELS[policy]}</span>
                  </label>
                ))}
              </fieldset>
              <FormDescription>
                Clients answer the &ldquo;AI-assisted processing&rdquo; consent on the intake form. A client who
                declined or withdrew it is always left out.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="monthlyTokenQuota"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Monthly token allowance</FormLabel>
              <FormControl>
                <Input {...field} inputMode="numeric" className="max-w-48" />
              </FormControl>
              <FormDescription>
                AI requests stop for the rest of the month (UTC) once it is used up. A summary takes about 1,000–5,000
                tokens.
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!formState.isDirty || busy}>
            {busy && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
            {busy ? "Saving…" : "Save changes"}
          </Button>
          {formState.isDirty && !busy && (
            <Button type="button" variant="ghost" onClick={() => reset()}>
              Discard changes
            </Button>
          )}
          <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-sm text-success">
            {saved && (
              <>
                <CheckIcon aria-hidden="true" className="size-4" />
                AI settings saved
              </>
            )}
          </p>
        </div>
      </form>
    </Form>
  );
}
