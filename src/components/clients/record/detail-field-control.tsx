"use client";

import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, Textarea } from "../field-controls";
import type { DetailField, FieldKind, FieldValue } from "./detail-fields";

/** The input attributes each kind of text field gets (keyboard on phones, autofill off for someone else's data). */
const INPUT_ATTRIBUTES: Partial<Record<FieldKind, { type: string; inputMode?: "email" | "tel" }>> = {
  text: { type: "text" },
  email: { type: "email", inputMode: "email" },
  tel: { type: "tel", inputMode: "tel" },
  date: { type: "date" },
};

/** One field of a details section in edit mode, labelled and wired to its error. */
export function DetailFieldControl({
  field,
  value,
  error,
  onChange,
}: {
  field: DetailField;
  value: FieldValue;
  error: string | undefined;
  onChange: (value: FieldValue) => void;
}) {
  if (field.kind === "checkbox") {
    return (
      <label className="flex items-center gap-3 text-sm font-medium">
        <input
          type="checkbox"
          name={field.path}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          className="size-4 accent-primary"
        />
        {field.label}
      </label>
    );
  }
  const text = typeof value === "string" ? value : "";
  return (
    <FormField label={field.label} hint={field.hint} error={error}>
      {(control) => {
        if (field.kind === "select")
          return (
            <NativeSelect
              {...control}
              name={field.path}
              value={text}
              onChange={(event) => onChange(event.target.value)}
            >
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
          );
        if (field.kind === "textarea" || field.kind === "list")
          return (
            <Textarea
              {...control}
              name={field.path}
              rows={field.kind === "list" ? 3 : 4}
              value={text}
              onChange={(event) => onChange(event.target.value)}
            />
          );
        return (
          <Input
            {...control}
            {...INPUT_ATTRIBUTES[field.kind]}
            name={field.path}
            autoComplete="off"
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      }}
    </FormField>
  );
}
