"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { z } from "@/lib/zod";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { createIntakeLinkInput, INTAKE_LINK_LIMITS, intakeLinkSchema, type IntakeLink } from "@/lib/contracts/intake";
import { INTAKE_LINKS_QUERY_KEY } from "./use-intake-links";

const createdSchema = z.object({ link: intakeLinkSchema, url: z.string() });

/** The number fields hold what was typed; the contract checks it as a number. */
interface LinkFormValues {
  label: string;
  expiresInHours: string;
  maxUses: string;
}

const NEW_LINK: LinkFormValues = {
  label: "New client intake",
  expiresInHours: String(INTAKE_LINK_LIMITS.defaultHours),
  maxUses: String(INTAKE_LINK_LIMITS.defaultUses),
};

const toInput = (values: LinkFormValues) => ({
  label: values.label,
  expiresInHours: Number(values.expiresInHours),
  maxUses: Number(values.maxUses),
});

const NUMBER_FIELDS: {
  name: "expiresInHours" | "maxUses";
  label: string;
  hint: string;
  limits: Pick<ComponentProps<"input">, "min" | "max">;
}[] = [
  {
    name: "expiresInHours",
    label: "Expires after (hours)",
    hint: "1 to 168; 72 is three days",
    limits: { min: INTAKE_LINK_LIMITS.minHours, max: INTAKE_LINK_LIMITS.maxHours },
  },
  {
    name: "maxUses",
    label: "Uses",
    hint: "How many forms it accepts",
    limits: { min: INTAKE_LINK_LIMITS.minUses, max: INTAKE_LINK_LIMITS.maxUses },
  },
];

/** Label, lifetime and number of uses; on success hands the one-time URL up. */
export function CreateIntakeLinkForm({ onCreated }: { onCreated: (url: string, link: IntakeLink) => void }) {
  const queryClient = useQueryClient();
  const contract = useContractForm(createIntakeLinkInput, {
    defaultValues: NEW_LINK,
    toInput,
    onSubmit: async (values, { form }) => {
      const created = await apiRequest("/api/intake-links", { method: "POST", body: values, schema: createdSchema });
      queryClient.setQueryData<IntakeLink[]>(INTAKE_LINKS_QUERY_KEY, (list = []) => [created.link, ...list]);
      form.reset();
      onCreated(created.url, created.link);
    },
  });
  const { control } = contract.form;

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto]">
        <FormField
          control={control}
          name="label"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Label</FormLabel>
              <FormControl>
                <Input {...field} maxLength={120} required />
              </FormControl>
              <FormDescription>Only you see this, e.g. the client&apos;s name</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        {NUMBER_FIELDS.map(({ name, label, hint, limits }) => (
          <FormField
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <FormItem>
                <FormLabel>{label}</FormLabel>
                <FormControl>
                  <Input {...field} {...limits} type="number" inputMode="numeric" />
                </FormControl>
                <FormDescription>{hint}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <div className="flex items-start sm:pt-[1.375rem]">
          <Button type="submit" disabled={contract.pending} className="w-full sm:w-auto">
            {contract.pending ? (
              <LoaderCircleIcon aria-hidden="true" className="animate-spin" />
            ) : (
              <PlusIcon aria-hidden="true" />
            )}
            Create link
          </Button>
        </div>
        <div className="sm:col-span-4">
          <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        </div>
      </form>
    </Form>
  );
}
