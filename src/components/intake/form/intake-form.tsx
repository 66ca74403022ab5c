"use client";

import { CircleCheckIcon, LoaderCircleIcon } from "lucide-react";
import { useMemo, useState, useSyncExternalStore } from "react";
import { useWatch } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { ApiError, apiRequest, isApiError } from "@/lib/api-client";
import type { ConsentDocument } from "@/lib/contracts/consents";
import { formatDate } from "@/lib/format/dates";
import { browserFormat } from "@/lib/format/settings";
import { INTAKE_LINK_UNAVAILABLE, INTAKE_PHOTO_MAX_BYTES } from "@/lib/contracts/intake";
import { ConsentSection } from "./consent-section";
import { blankIntakeForm, intakeFormContract, intakeInputFrom } from "./form-values";
import {
  AddressFields,
  EmergencyFields,
  FormSection,
  HealthFields,
  PersonalFields,
  PreferenceFields,
} from "./intake-fields";
import { SignaturePad } from "./signature-pad";

type Outcome = "editing" | "submitted" | "unavailable";

const PHOTO_TOO_LARGE = "The photo is larger than 8 MB";

const noSubscription = () => () => {};
const todayInThisBrowser = () => formatDate(new Date(), browserFormat(), { style: "long" });

/** The public intake form: checked in the browser with the server's contract, sent as one multipart request. */
export function IntakeForm({ token, documents }: { token: string; documents: readonly ConsentDocument[] }) {
  const [outcome, setOutcome] = useState<Outcome>("editing");
  // Written only in the browser: the client's own date, which the server cannot know (no hydration mismatch).
  const today = useSyncExternalStore(noSubscription, todayInThisBrowser, () => "");
  const [schema] = useState(() => intakeFormContract(documents));
  const defaultValues = useMemo(() => blankIntakeForm(documents), [documents]);
  const contract = useContractForm(schema, {
    defaultValues,
    toInput: intakeInputFrom,
    onSubmit: async (_parsed, { formValues: values }) => {
      const { photo } = values;
      if (photo && photo.size > INTAKE_PHOTO_MAX_BYTES) {
        throw new ApiError({
          status: 413,
          code: "payload_too_large",
          message: PHOTO_TOO_LARGE,
          fieldErrors: { photo: PHOTO_TOO_LARGE },
        });
      }
      // The answers as typed: the server parses them with the same contract.
      const body = new FormData();
      body.set("payload", JSON.stringify(intakeInputFrom(values)));
      if (photo && photo.size > 0) body.set("photo", photo);
      try {
        await apiRequest(`/api/onboard/${encodeURIComponent(token)}`, { method: "POST", body });
      } catch (error) {
        if (isApiError(error) && error.status === 404) return setOutcome("unavailable");
        throw error;
      }
      setOutcome("submitted");
    },
  });
  const { control, setValue, formState } = contract.form;
  const answers = useWatch({ control, name: "consents" });

  if (outcome === "submitted") {
    return (
      <section role="status" className="grid justify-items-center gap-3 rounded-xl border bg-card p-6 text-center">
        <CircleCheckIcon aria-hidden="true" className="size-10 text-emerald-600" />
        <h2 className="text-xl font-semibold">Thank you, your form has been sent</h2>
        <p className="text-sm text-muted-foreground">You can close this page. Your practitioner will be in touch.</p>
      </section>
    );
  }
  if (outcome === "unavailable") {
    return (
      <p role="alert" className="rounded-xl border bg-card p-6 text-center">
        {INTAKE_LINK_UNAVAILABLE}
      </p>
    );
  }

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-6" aria-label="Intake form">
        <FormSection title="About you">
          <PersonalFields />
        </FormSection>
        <FormSection title="Address" description="Optional">
          <AddressFields />
        </FormSection>
        <FormSection title="Emergency contact" description="Someone we can call if needed (optional)">
          <EmergencyFields />
        </FormSection>
        <FormSection title="Health" description="Shared only with your practitioner, to keep your sessions safe.">
          <HealthFields />
        </FormSection>
        <FormSection title="Preferences">
          <PreferenceFields />
        </FormSection>
        <FormSection
          title="Photo"
          description="Optional: helps your practitioner recognise you. Location data is removed."
        >
          <FormField
            control={control}
            name="photo"
            render={({ field: { value: _file, onChange, ...field } }) => (
              <FormItem>
                <FormLabel>Your photo</FormLabel>
                <FormControl>
                  <Input
                    {...field}
                    type="file"
                    accept="image/jpeg,image/png,image/webp,image/heic"
                    onChange={(event) => onChange(event.target.files?.[0] ?? null)}
                  />
                </FormControl>
                <FormDescription>JPEG, PNG, WebP or HEIC, up to 8 MB</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        </FormSection>
        <FormSection title="Consents" description="Please read each one. Only the first is needed to continue.">
          <ConsentSection
            documents={documents}
            answers={answers}
            error={consentError(formState.errors.consents)}
            onAnswer={(id, granted) =>
              setValue(`consents.${id}`, granted, { shouldDirty: true, shouldValidate: formState.isSubmitted })
            }
          />
        </FormSection>
        <FormSection title="Signature" description="Typing your full name signs this form and your consent answers.">
          <FormField
            control={control}
            name="signature.typedName"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Full name</FormLabel>
                <FormControl>
                  <Input {...field} autoComplete="name" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <SignaturePad onChange={(drawn) => setValue("signature.drawn", drawn)} />
          <p className="text-sm">
            Date: <span data-testid="submitted-date">{today}</span>
          </p>
        </FormSection>
        {/* Hidden from people (and screen readers); bots that fill every field give themselves away. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label>
            Website
            <input type="text" {...contract.form.register("website")} tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <Button type="submit" size="lg" disabled={contract.pending} className="w-full sm:w-auto sm:justify-self-end">
          {contract.pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
          {contract.pending ? "Sending…" : "Send my form"}
        </Button>
      </form>
    </Form>
  );
}

/** The consents group's own message (its type also allows one per document, which the form never sets). */
function consentError(error: { message?: unknown } | undefined): string | undefined {
  return typeof error?.message === "string" ? error.message : undefined;
}
