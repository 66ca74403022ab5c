"use client";

import { CircleCheckIcon, LoaderCircleIcon } from "lucide-react";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import type { FieldErrors } from "@/components/auth/use-contract-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ConsentDocument } from "@/lib/contracts/consents";
import { errorBodySchema } from "@/lib/contracts/errors";
import { formatDate } from "@/lib/format/dates";
import { browserFormat } from "@/lib/format/settings";
import { INTAKE_LINK_UNAVAILABLE, INTAKE_PHOTO_MAX_BYTES, intakeSubmissionInput } from "@/lib/contracts/intake";
import { ConsentSection, type ConsentAnswers } from "./consent-section";
import { intakeValuesFrom } from "./form-values";
import {
  AddressFields,
  EmergencyFields,
  FormSection,
  HealthFields,
  PersonalFields,
  PreferenceFields,
} from "./intake-fields";
import { SignaturePad } from "./signature-pad";

type Outcome = "editing" | "sending" | "submitted" | "unavailable";

const noSubscription = () => () => {};
const todayInThisBrowser = () => formatDate(new Date(), browserFormat(), { style: "long" });

/** The public intake form: checked in the browser with the server's contract, sent as one multipart request. */
export function IntakeForm({ token, documents }: { token: string; documents: readonly ConsentDocument[] }) {
  const [answers, setAnswers] = useState<ConsentAnswers>({});
  const [drawn, setDrawn] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>("editing");
  // The client signs on their own day, in their own language: this browser's, not the practitioner's
  // (nor the server's, so it is written after hydration).
  const today = useSyncExternalStore(noSubscription, todayInThisBrowser, () => "");

  function consentProblem(): string | undefined {
    if (documents.some((document) => document.required && answers[document.id] !== true)) {
      return "Please agree to the required consent to continue.";
    }
    if (documents.some((document) => answers[document.id] === undefined)) return "Please answer every consent.";
    return undefined;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const consents = documents.map((document) => ({ documentId: document.id, granted: answers[document.id] === true }));
    const values = intakeValuesFrom(data, { consents, drawnSignature: drawn });
    const parsed = intakeSubmissionInput.safeParse(values);
    const photo = data.get("photo");
    const next: FieldErrors = parsed.success ? {} : firstPerPath(parsed.error.issues);
    const consentError = consentProblem();
    if (consentError) next.consents = consentError;
    if (photo instanceof File && photo.size > INTAKE_PHOTO_MAX_BYTES) next.photo = "The photo is larger than 8 MB";
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0) {
      focusFirstError(form, next);
      return;
    }
    const body = new FormData();
    body.set("payload", JSON.stringify(values));
    if (photo instanceof File && photo.size > 0) body.set("photo", photo);
    setOutcome("sending");
    try {
      const response = await fetch(`/api/onboard/${encodeURIComponent(token)}`, { method: "POST", body });
      if (response.ok) return setOutcome("submitted");
      const problem = errorBodySchema.safeParse(await response.json().catch(() => null));
      if (response.status === 404) return setOutcome("unavailable");
      setOutcome("editing");
      const details = problem.success ? problem.data.error.details : undefined;
      if (Array.isArray(details)) setErrors(firstPerPath(details as { path: string; message: string }[]));
      setFormError(problem.success ? problem.data.error.message : "Your form could not be sent. Please try again.");
    } catch {
      setOutcome("editing");
      setFormError("We couldn't reach the server. Check your connection and try again.");
    }
  }

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
    <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-6" aria-label="Intake form">
      <FormSection title="About you">
        <PersonalFields errors={errors} />
      </FormSection>
      <FormSection title="Address" description="Optional">
        <AddressFields errors={errors} />
      </FormSection>
      <FormSection title="Emergency contact" description="Someone we can call if needed (optional)">
        <EmergencyFields errors={errors} />
      </FormSection>
      <FormSection title="Health" description="Shared only with your practitioner, to keep your sessions safe.">
        <HealthFields errors={errors} />
      </FormSection>
      <FormSection title="Preferences">
        <PreferenceFields errors={errors} />
      </FormSection>
      <FormSection
        title="Photo"
        description="Optional: helps your practitioner recognise you. Location data is removed."
      >
        <FormField label="Your photo" hint="JPEG, PNG, WebP or HEIC, up to 8 MB" error={errors.photo}>
          {(control) => (
            <Input {...control} type="file" name="photo" accept="image/jpeg,image/png,image/webp,image/heic" />
          )}
        </FormField>
      </FormSection>
      <FormSection title="Consents" description="Please read each one. Only the first is needed to continue.">
        <ConsentSection
          documents={documents}
          answers={answers}
          error={errors.consents}
          onAnswer={(id, granted) => setAnswers((current) => ({ ...current, [id]: granted }))}
        />
      </FormSection>
      <FormSection title="Signature" description="Typing your full name signs this form and your consent answers.">
        <FormField label="Full name" error={errors["signature.typedName"]}>
          {(control) => <Input {...control} name="signature.typedName" autoComplete="name" />}
        </FormField>
        <SignaturePad onChange={setDrawn} />
        <p className="text-sm">
          Date: <span data-testid="submitted-date">{today}</span>
        </p>
      </FormSection>
      {/* Hidden from people (and screen readers); bots that fill every field give themselves away. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Website
          <input type="text" name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      {formError && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {formError}
        </p>
      )}
      <Button type="submit" size="lg" disabled={outcome === "sending"} className="w-full sm:w-auto sm:justify-self-end">
        {outcome === "sending" && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
        {outcome === "sending" ? "Sending…" : "Send my form"}
      </Button>
    </form>
  );
}

function firstPerPath(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === "string" ? issue.path : issue.path.map(String).join(".");
    const key = path.startsWith("consents") ? "consents" : path.replace(/\.\d+$/, "");
    errors[key] ??= issue.message;
  }
  return errors;
}

function focusFirstError(form: HTMLFormElement, errors: FieldErrors): void {
  const first = Array.from(form.elements).find(
    (element): element is HTMLInputElement | HTMLTextAreaElement =>
      (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && element.name in errors,
  );
  first?.focus();
}
