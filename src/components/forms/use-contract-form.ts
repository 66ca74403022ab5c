"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import { flushSync } from "react-dom";
import {
  set,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { ApiError, isApiError } from "@/lib/api-client";
import { apiErrorOnForm, flattenFormErrors, formPaths, placeErrors } from "./form-errors";

export interface ContractFormOptions<S extends z.ZodType, TForm extends FieldValues> {
  /** Every value the form holds, including those no input edits (e.g. the reset token from the link). */
  defaultValues: TForm;
  /**
   * The form's values in the contract's input shape, when they differ (lines of text to a list, "" to
   * null); errors on the contract's paths land on the form field they came from.
   */
  toInput?: (values: TForm) => unknown;
  /**
   * Sends the contract's output (the form's own values come with the form, for a body sent as typed); throw
   * (an `ApiError`) to show the failure on the form.
   */
  onSubmit: (
    values: z.output<S>,
    context: { formValues: TForm; form: UseFormReturn<TForm, unknown, z.output<S>> },
  ) => Promise<void>;
  /** A navigation follows success: the form stays busy until the page changes. */
  keepPendingOnSuccess?: boolean;
}

export interface ContractForm<S extends z.ZodType, TForm extends FieldValues> {
  /** The react-hook-form instance: `<Form {...contract.form}>`. */
  form: UseFormReturn<TForm, unknown, z.output<S>>;
  /** Put on `<form onSubmit>`. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  /** The API's answer when a submission failed; shown by `FormErrorAlert`. */
  formError: ApiError | null;
  /** Put on the form-level alert: it takes focus when an error has no field to point at. */
  formErrorRef: RefObject<HTMLDivElement | null>;
  clearFormError: () => void;
}

const UNEXPECTED = new ApiError({
  status: 0,
  code: "internal",
  message: "Something went wrong. Try again, and contact support if it keeps happening.",
});

/**
 * A react-hook-form form checked with the API's own zod contract: the same rules in the browser and on
 * the server. A refused submission puts the API's field messages (`details[].path`) on their fields and
 * its message in the form's alert; focus moves to the first invalid field, or to the alert.
 */
export function useContractForm<S extends z.ZodType, TForm extends FieldValues = z.input<S> & FieldValues>(
  schema: S,
  { defaultValues, toInput, onSubmit, keepPendingOnSuccess = false }: ContractFormOptions<S, TForm>,
): ContractForm<S, TForm> {
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const formErrorRef = useRef<HTMLDivElement | null>(null);
  const busy = useRef(false);
  // The form's shape is fixed when it mounts; later default values do not move its fields.
  const [paths] = useState(() => formPaths(defaultValues));
  const resolver = useMemo(() => contractResolver<S, TForm>(schema, paths, toInput), [schema, paths, toInput]);
  const form = useForm<TForm, unknown, z.output<S>>({
    defaultValues: defaultValues as DefaultValues<TForm>,
    resolver,
    // Focus follows the page's order, not the order fields registered in: see `focusFirstInvalid`.
    shouldFocusError: false,
  });

  /** Focuses the first control, in page order, of a field in `names` (a group's first control for a group). */
  function focusFirstInvalid(element: HTMLFormElement, names: readonly string[], fallback: boolean) {
    const first = controlsOf(element).find((control) => names.some((name) => controlOf(control.name, name)));
    if (first) first.focus();
    else if (fallback) formErrorRef.current?.focus();
  }

  function showFailure(element: HTMLFormElement, error: ApiError) {
    const { fields, unplaced } = apiErrorOnForm(error, paths);
    // A message about something no control edits (a token, an unknown path) is said in the alert, not dropped.
    const names = controlsOf(element).map((control) => control.name);
    const unshown = Object.entries(fields)
      .filter(([path]) => !names.some((name) => controlOf(name, path)))
      .map(([, message]) => message);
    const extra = [...new Set([...unplaced, ...unshown])].filter((message) => message !== error.message);
    const shown = extra.length === 0 ? error : withMessages(error, extra);
    flushSync(() => {
      for (const [name, message] of Object.entries(fields)) {
        form.setError(name as Path<TForm>, { type: "server", message });
      }
      setFormError(shown);
    });
    focusFirstInvalid(element, Object.keys(fields), true);
  }

  async function submit(element: HTMLFormElement, event: FormEvent<HTMLFormElement>) {
    busy.current = true;
    try {
      await form.handleSubmit(
        async (values) => {
          setPending(true);
          setFormError(null);
          try {
            await onSubmit(values, { formValues: form.getValues(), form });
            if (!keepPendingOnSuccess) setPending(false);
          } catch (caught) {
            setPending(false);
            showFailure(element, isApiError(caught) ? caught : UNEXPECTED);
          }
        },
        (errors) => {
          const invalid = flattenFormErrors(errors);
          // A message on a value no control edits (a token, `root`) is said in the alert rather than nowhere.
          const names = controlsOf(element).map((control) => control.name);
          const unshown = invalid.filter(([path]) => !names.some((name) => controlOf(name, path)));
          const message = [...new Set(unshown.map(([, text]) => text))].join(" ");
          flushSync(() =>
            setFormError(message ? new ApiError({ status: 422, code: "validation_failed", message }) : null),
          );
          focusFirstInvalid(
            element,
            invalid.map(([path]) => path),
            message !== "",
          );
        },
      )(event);
    } catch {
      // The contract itself could not run (e.g. the password dictionaries did not load).
      showFailure(element, UNEXPECTED);
    } finally {
      busy.current = false;
    }
  }

  return {
    form,
    onSubmit: (event) => {
      event.preventDefault();
      if (pending || busy.current) return;
      void submit(event.currentTarget, event);
    },
    pending,
    formError,
    formErrorRef,
    clearFormError: () => setFormError(null),
  };
}

function controlsOf(element: HTMLFormElement): (HTMLElement & { name: string })[] {
  return Array.from(element.elements).filter(
    (control): control is HTMLElement & { name: string } =>
      "name" in control && typeof control.name === "string" && control.name !== "",
  );
}

/** Whether a control named `name` edits the field (or group of fields) at `path`. */
function controlOf(name: string, path: string): boolean {
  return name === path || name.startsWith(`${path}.`);
}

function withMessages(error: ApiError, messages: readonly string[]): ApiError {
  const { status, code, requestId, fieldErrors, details, retryAfterSeconds } = error;
  const message = [error.message, ...messages].join(" ");
  return new ApiError({ status, code, message, requestId, fieldErrors, details, retryAfterSeconds });
}

/**
 * zodResolver over the contract, fed the form's values in the contract's shape; each error is moved to
 * the form field its path belongs to, and one the form has no field for goes to `root` (the alert).
 */
function contractResolver<S extends z.ZodType, TForm extends FieldValues>(
  schema: S,
  paths: ReadonlySet<string>,
  toInput: ((values: TForm) => unknown) | undefined,
): Resolver<TForm, unknown, z.output<S>> {
  const validate = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<S>>;
  return async (values, context, options) => {
    const input = (toInput ? toInput(values) : values) as FieldValues;
    const result = await validate(input, context, options as never);
    if (Object.keys(result.errors).length === 0) return result as never;
    const { fields, unplaced } = placeErrors(flattenFormErrors(result.errors), paths);
    const errors: FieldErrors = {};
    for (const [name, message] of Object.entries(fields)) set(errors, name, { type: "contract", message });
    if (unplaced.length > 0) set(errors, "root", { type: "contract", message: unplaced.join(" ") });
    return { values: {}, errors } as never;
  };
}
