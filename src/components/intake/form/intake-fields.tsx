"use client";

import type { ReactNode } from "react";
import { useFormContext, type ControllerRenderProps, type Path } from "react-hook-form";
import { NativeSelect, Textarea } from "@/components/clients/field-controls";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { IntakeFormValues } from "./form-values";

type TextPath = Exclude<Path<IntakeFormValues>, `consents.${string}` | "preferences.remindersOptIn" | "photo">;

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
  name: TextPath;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
  inputMode?: "email" | "tel" | "text";
  wide?: boolean;
}

/** One labelled text control of the intake form, wired to its value, hint and error. */
function IntakeField({
  name,
  label,
  hint,
  className,
  children,
}: {
  name: TextPath;
  label: string;
  hint?: string | undefined;
  className?: string;
  children: (field: ControllerRenderProps<IntakeFormValues, TextPath> & { value: string }) => ReactNode;
}) {
  const { control } = useFormContext<IntakeFormValues>();
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>{children({ ...field, value: typeof field.value === "string" ? field.value : "" })}</FormControl>
          {hint && <FormDescription>{hint}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function TextFields({ fields }: { fields: TextFieldSpec[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {fields.map(({ name, label, wide, hint, ...input }) => (
        <IntakeField key={name} name={name} label={label} hint={hint} className={wide ? "sm:col-span-2" : ""}>
          {(field) => <Input {...field} {...input} />}
        </IntakeField>
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

const HEALTH: { name: TextPath; label: string }[] = [
  { name: "healthContext.conditions", label: "Health conditions" },
  { name: "healthContext.allergies", label: "Allergies" },
  { name: "healthContext.medications", label: "Medications" },
  { name: "healthContext.contraindications", label: "Anything we should avoid (contraindications)" },
];

export function PersonalFields() {
  return <TextFields fields={PERSONAL} />;
}

export function AddressFields() {
  return <TextFields fields={ADDRESS} />;
}

export function EmergencyFields() {
  return <TextFields fields={EMERGENCY} />;
}

export function HealthFields() {
  return (
    <div className="grid gap-4">
      {HEALTH.map(({ name, label }) => (
        <IntakeField key={name} name={name} label={label} hint="One per line; leave empty if none">
          {(field) => <Textarea {...field} rows={2} />}
        </IntakeField>
      ))}
      <IntakeField name="healthContext.notes" label="Anything else about your health">
        {(field) => <Textarea {...field} rows={3} />}
      </IntakeField>
    </div>
  );
}

export function PreferenceFields() {
  const { register } = useFormContext<IntakeFormValues>();
  return (
    <div className="grid gap-4">
      <IntakeField name="preferences.preferredChannel" label="How should we contact you?">
        {(field) => (
          <NativeSelect {...field}>
            <option value="">No preference</option>
            <option value="email">Email</option>
            <option value="sms">Text message</option>
            <option value="phone">Phone call</option>
            <option value="whatsapp">WhatsApp</option>
            <option value="none">Please do not contact me</option>
          </NativeSelect>
        )}
      </IntakeField>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" {...register("preferences.remindersOptIn")} className="mt-0.5 size-5" />
        Send me appointment reminders
      </label>
      <IntakeField name="preferences.sessionNotes" label="What would you like from your sessions?">
        {(field) => <Textarea {...field} rows={3} />}
      </IntakeField>
    </div>
  );
}
