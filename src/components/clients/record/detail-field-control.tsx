"use client";

import { useFormContext } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect, Textarea } from "../field-controls";
import type { DetailField, FieldKind } from "./detail-fields";

/** The input attributes each kind of text field gets (keyboard on phones, autofill off for someone else's data). */
const INPUT_ATTRIBUTES: Partial<Record<FieldKind, { type: string; inputMode?: "email" | "tel" }>> = {
  text: { type: "text" },
  email: { type: "email", inputMode: "email" },
  tel: { type: "tel", inputMode: "tel" },
  date: { type: "date" },
};

/** One field of a details section in edit mode, labelled and wired to its value and error in the section's form. */
export function DetailFieldControl({ field: detail }: { field: DetailField }) {
  const { control } = useFormContext();
  if (detail.kind === "checkbox") {
    return (
      <FormField
        control={control}
        name={detail.path}
        render={({ field: { value, onChange, ...field } }) => (
          <label className="flex items-center gap-3 text-sm font-medium">
            <input
              {...field}
              type="checkbox"
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
              className="size-4 accent-primary"
            />
            {detail.label}
          </label>
        )}
      />
    );
  }
  return (
    <FormField
      control={control}
      name={detail.path}
      render={({ field }) => {
        const text = { ...field, value: typeof field.value === "string" ? field.value : "" };
        return (
          <FormItem>
            <FormLabel>{detail.label}</FormLabel>
            <FormControl>
              {detail.kind === "select" ? (
                <NativeSelect {...text}>
                  {detail.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </NativeSelect>
              ) : detail.kind === "textarea" || detail.kind === "list" ? (
                <Textarea {...text} rows={detail.kind === "list" ? 3 : 4} />
              ) : (
                <Input {...text} {...INPUT_ATTRIBUTES[detail.kind]} autoComplete="off" />
              )}
            </FormControl>
            {detail.hint && <FormDescription>{detail.hint}</FormDescription>}
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
