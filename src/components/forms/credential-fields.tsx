"use client";

import type { ReactNode } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { NEW_PASSWORD_HINT } from "@/components/auth/password-strength-meter";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";

interface CredentialFieldProps<Values extends FieldValues> {
  control: Control<Values>;
  name: FieldPath<Values>;
  label: string;
  description?: ReactNode;
}

/** An email address field; `username` tells password managers it is the account's sign-in name. */
export function EmailField<Values extends FieldValues>({
  control,
  name,
  label,
  description,
  autoComplete = "email",
}: CredentialFieldProps<Values> & { autoComplete?: "email" | "username" }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...field} type="email" autoComplete={autoComplete} inputMode="email" required />
          </FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

/** A password field with show/hide; a new password carries the strength rule as its hint. */
export function PasswordField<Values extends FieldValues>({
  control,
  name,
  label,
  purpose,
}: Omit<CredentialFieldProps<Values>, "description"> & { purpose: "current" | "new" }) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <PasswordInput {...field} autoComplete={`${purpose}-password`} required />
          </FormControl>
          {purpose === "new" ? <FormDescription>{NEW_PASSWORD_HINT}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
