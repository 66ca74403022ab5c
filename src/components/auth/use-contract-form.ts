"use client";

import { useRef, useState, type FormEvent, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { z } from "zod";
import { ApiError, isApiError } from "@/lib/api-client";

export type FieldErrors = Record<string, string>;

export interface ContractFormOptions<S extends z.ZodType> {
  /** The same zod contract the API validates with. */
  schema: S;
  /** Values that are not form fields (e.g. the reset token from the link). */
  extraValues?: Record<string, unknown>;
  /** Sends the validated values; on success the form stays pending (a navigation or a new view follows). */
  submit: (values: z.output<S>) => Promise<void>;
}

export interface ContractForm {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  fieldErrors: FieldErrors;
  formError: ApiError | null;
  /** Put on the form-level alert: it takes focus when an error has no field to point at. */
  formErrorRef: RefObject<HTMLDivElement | null>;
}

const UNEXPECTED = new ApiError({
  status: 0,
  code: "internal",
  message: "Something went wrong. Try again, and contact support if it keeps happening.",
});

/** Browser-side validation with the API's contract, then submission, error display and focus management. */
export function useContractForm<S extends z.ZodType>({
  schema,
  extraValues,
  submit,
}: ContractFormOptions<S>): ContractForm {
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const formErrorRef = useRef<HTMLDivElement | null>(null);
  const validating = useRef(false);

  function showErrors(form: HTMLFormElement, fields: FieldErrors, error: ApiError | null) {
    flushSync(() => {
      setFieldErrors(fields);
      setFormError(error);
    });
    const firstInvalid = Array.from(form.elements).find(
      (element): element is HTMLInputElement => element instanceof HTMLInputElement && element.name in fields,
    );
    (firstInvalid ?? formErrorRef.current)?.focus();
  }

  async function send(form: HTMLFormElement) {
    const values = { ...Object.fromEntries(new FormData(form)), ...extraValues };
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    validating.current = true;
    try {
      // Async: a contract may need data loaded on demand (the password-strength dictionaries).
      parsed = await schema.safeParseAsync(values);
    } catch {
      showErrors(form, {}, UNEXPECTED);
      return;
    } finally {
      validating.current = false;
    }
    if (!parsed.success) {
      showErrors(form, firstMessagePerField(parsed.error.issues), null);
      return;
    }
    setPending(true);
    setFieldErrors({});
    setFormError(null);
    try {
      await submit(parsed.data);
    } catch (error) {
      setPending(false);
      const apiError = isApiError(error) ? error : UNEXPECTED;
      showErrors(form, apiError.fieldErrors, apiError);
    }
  }

  return {
    onSubmit: (event) => {
      event.preventDefault();
      if (!pending && !validating.current) void send(event.currentTarget);
    },
    pending,
    fieldErrors,
    formError,
    formErrorRef,
  };
}

function firstMessagePerField(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}
