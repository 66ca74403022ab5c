"use client";

import type { ReactNode } from "react";
import { NativeSelect, Textarea } from "@/components/clients/field-controls";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "@/components/auth/use-contract-form";

/** One titled part of the form. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-4 rounded-xl border bg-card p-4 shadow-xs sm:p-6">
      <div className="grid gap-1">
        <h2 className="text-lg font-semibold">{title}</h2>
        {description && <p className="text-sm text-muted-foreground">{description}</p>}
      </div>
      {children}
    </section>
  );
}

interface TextFieldSpec {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  inputMode?: "email" | "tel" | "text";
  wide?: boolean;
}

function TextFields({ fields, errors }: { fields: TextFieldSpec[]; errors: FieldErrors }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map(({ name, label, wide, hint, ...input }) => (
        <FormField key={name} label={label} hint={hint} error={errors[name]} className={wide ? "sm:col-span-2" : ""}>
          {(control) => <Input {...control} {...input} name={name} />}
        </FormField>
      ))}
    </div>
  );
}

const PERSONAL: TextFieldSpec[] = [
  { name: "firstName", label: "First name", autoComplete: "given-name" },
  { name: "lastName", label: "Last name", autoComplete: "family-name" },
  { name: "email", label: "Email", type: "email", inputMode: "email", autoComplete: "email" },
  { name: "phone", label: "Phone (optional)", type: "tel", inputMode: "tel", autoComplete: "tel" },
  { name: "pronouns", label: "Pronouns (optional)", hint: "For example she/her, he/him, they/them" },
  { name: "dateOfBirth", label: "Date of birth (optional)", type: "date", autoComplete: "bday" },
];

const ADDRESS: TextFieldSpec[] = [
  { name: "address.line1", label: "Street address", autoComplete: "address-line1", wide: true },
  { name: "address.line2", label: "Apartment, suite, etc.", autoComplete: "address-line2", wide: true },
  { name: "address.city", label: "City", autoComplete: "address-level2" },
  { name: "address.region", label: "State or region", autoComplete: "address-level1" },
  { name: "address.postalCode", label: "Postal code", autoComplete: "postal-code" },
  { name: "address.country", label: "Country", autoComplete: "country-name" },
];

const EMERGENCY: TextFieldSpec[] = [
  { name: "emergencyContact.name", label: "Name" },
  { name: "emergencyContact.relation", label: "Relationship", hint: "For example partner, parent, friend" },
  { name: "emergencyContact.phone", label: "Phone", type: "tel", inputMode: "tel" },
];

const HEALTH = [
  { name: "healthContext.conditions", label: "Health conditions" },
  { name: "healthContext.allergies", label: "Allergies" },
  { name: "healthContext.medications", label: "Medications" },
  { name: "healthContext.contraindications", label: "Anything we should avoid (contraindications)" },
];

export function PersonalFields({ errors }: { errors: FieldErrors }) {
  return <TextFields fields={PERSONAL} errors={errors} />;
}

export function AddressFields({ errors }: { errors: FieldErrors }) {
  return <TextFields fields={ADDRESS} errors={errors} />;
}

export function EmergencyFields({ errors }: { errors: FieldErrors }) {
  return <TextFields fields={EMERGENCY} errors={errors} />;
}

export function HealthFields({ errors }: { errors: FieldErrors }) {
  return (
    <div className="grid gap-4">
      {HEALTH.map(({ name, label }) => (
        <FormField key={name} label={label} hint="One per line; leave empty if none" error={errors[name]}>
          {(control) => <Textarea {...control} name={name} rows={2} />}
        </FormField>
      ))}
      <FormField label="Anything else about your health" error={errors["healthContext.notes"]}>
        {(control) => <Textarea {...control} name="healthContext.notes" rows={3} />}
      </FormField>
    </div>
  );
}

export function PreferenceFields({ errors }: { errors: FieldErrors }) {
  return (
    <div className="grid gap-4">
      <FormField label="How should we contact you?" error={errors["preferences.preferredChannel"]}>
        {(control) => (
          <NativeSelect {...control} name="preferences.preferredChannel" defaultValue="">
            <option value="">No preference</option>
            <option value="email">Email</option>
            <option value="sms">Text message</option>
            <option value="phone">Phone call</option>
            <option value="whatsapp">WhatsApp</option>
            <option value="none">Please do not contact me</option>
          </NativeSelect>
        )}
      </FormField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="preferences.remindersOptIn" className="mt-0.5 size-5" />
        Send me appointment reminders
      </label>
      <FormField label="What would you like from your sessions?" error={errors["preferences.sessionNotes"]}>
        {(control) => <Textarea {...control} name="preferences.sessionNotes" rows={3} />}
      </FormField>
    </div>
  );
}
