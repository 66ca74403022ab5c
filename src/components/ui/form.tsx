"use client";

import { Slot } from "radix-ui";
import { createContext, useCallback, useContext, useId, useState, type ComponentProps } from "react";
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form";
import { cn } from "@/lib/utils";
import { Label } from "./label";

/** The react-hook-form instance for everything inside: `<Form {...form}>`. */
export const Form = FormProvider;

interface FormFieldContextValue {
  name: string;
}

const FormFieldContext = createContext<FormFieldContextValue | null>(null);

/** One field of the form: its value, its error and the ids that tie label, control, description and message together. */
export function FormField<
  TFieldValues extends FieldValues = FieldValues,
  TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
>(props: ControllerProps<TFieldValues, TName, TTransformedValues>) {
  return (
    <FormFieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FormFieldContext.Provider>
  );
}

interface FormItemContextValue {
  id: string;
  hasDescription: boolean;
  /** A callback ref for FormDescription: the control names the description only while it is on the page. */
  descriptionRef: (node: HTMLParagraphElement | null) => void;
}

const FormItemContext = createContext<FormItemContextValue | null>(null);

/** The ids and error state of the field around the caller (label, control, description, message). */
export function useFormField() {
  const fieldContext = useContext(FormFieldContext);
  const itemContext = useContext(FormItemContext);
  const { getFieldState } = useFormContext();
  if (!fieldContext) throw new Error("useFormField is used outside a <FormField>");
  if (!itemContext) throw new Error("useFormField is used outside a <FormItem>");
  const formState = useFormState({ name: fieldContext.name });
  const fieldState = getFieldState(fieldContext.name, formState);
  const { id, hasDescription } = itemContext;
  return {
    id,
    hasDescription,
    name: fieldContext.name,
    formItemId: `${id}-form-item`,
    formDescriptionId: `${id}-form-item-description`,
    formMessageId: `${id}-form-item-message`,
    ...fieldState,
  };
}

/** Label, control, description and message of one field, stacked. */
export function FormItem({ className, ...props }: ComponentProps<"div">) {
  const id = useId();
  const [hasDescription, setHasDescription] = useState(false);
  const descriptionRef = useCallback((node: HTMLParagraphElement | null) => setHasDescription(node !== null), []);
  return (
    <FormItemContext.Provider value={{ id, hasDescription, descriptionRef }}>
      <div data-slot="form-item" className={cn("grid gap-2", className)} {...props} />
    </FormItemContext.Provider>
  );
}

export function FormLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { formItemId } = useFormField();
  return <Label data-slot="form-label" htmlFor={formItemId} className={className} {...props} />;
}

/**
 * The input itself (its one child): gets the id the label points at, `aria-invalid` when the field has an
 * error, and `aria-describedby` naming the description and the error, so screen readers read both.
 */
export function FormControl(props: ComponentProps<typeof Slot.Root>) {
  const { error, hasDescription, formItemId, formDescriptionId, formMessageId } = useFormField();
  const describedBy = [hasDescription ? formDescriptionId : null, error ? formMessageId : null]
    .filter(Boolean)
    .join(" ");
  return (
    <Slot.Root
      data-slot="form-control"
      id={formItemId}
      aria-describedby={describedBy || undefined}
      aria-invalid={error ? true : undefined}
      {...props}
    />
  );
}

/** A hint under the label, always read with the control (e.g. "At least 12 characters"). */
export function FormDescription({ className, ...props }: ComponentProps<"p">) {
  const { formDescriptionId } = useFormField();
  const item = useContext(FormItemContext);
  return (
    <p
      ref={item?.descriptionRef}
      data-slot="form-description"
      id={formDescriptionId}
      className={cn("text-xs text-muted-foreground", className)}
      {...props}
    />
  );
}

/** The field's error (or the children when there is none). */
export function FormMessage({ className, children, ...props }: ComponentProps<"p">) {
  const { error, formMessageId } = useFormField();
  const body = error?.message ? String(error.message) : children;
  if (!body) return null;
  return (
    <p
      data-slot="form-message"
      id={formMessageId}
      className={cn("text-sm font-medium text-destructive", className)}
      {...props}
    >
      {body}
    </p>
  );
}
