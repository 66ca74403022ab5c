"use client";

import { useRef, useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { ApiError, isApiError } from "@/lib/api-client";

const UNEXPECTED = new ApiError({
  status: 0,
  code: "internal",
  message: "Something went wrong. Try again, and contact support if it keeps happening.",
});

/**
 * An API refusal shown on a react-hook-form form: field errors go to their fields (the first one takes
 * focus), anything else to the form-level alert, which takes focus when no field does.
 */
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>, fields: readonly Path<T>[]) {
  const [formError, setFormError] = useState<ApiError | null>(null);
  const formErrorRef = useRef<HTMLDivElement | null>(null);

  function show(error: unknown) {
    const apiError = isApiError(error) ? error : UNEXPECTED;
    const onField = fields.filter((field) => apiError.fieldErrors[field] !== undefined);
    for (const field of onField) {
      const message = apiError.fieldErrors[field] ?? apiError.message;
      form.setError(field, { type: "server", message }, { shouldFocus: field === onField[0] });
    }
    setFormError(onField.length > 0 ? null : apiError);
    if (onField.length === 0) requestAnimationFrame(() => formErrorRef.current?.focus());
  }

  return { formError, formErrorRef, show, clear: () => setFormError(null) };
}
