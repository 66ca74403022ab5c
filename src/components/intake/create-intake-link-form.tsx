"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { useState, type FormEvent } from "react";
import { z } from "@/lib/zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import { createIntakeLinkInput, INTAKE_LINK_LIMITS, intakeLinkSchema, type IntakeLink } from "@/lib/contracts/intake";
import { INTAKE_LINKS_QUERY_KEY } from "./use-intake-links";

const createdSchema = z.object({ link: intakeLinkSchema, url: z.string() });
type Errors = Partial<Record<"label" | "expiresInHours" | "maxUses" | "form", string>>;

/** Label, lifetime and number of uses; on success hands the one-time URL up. */
export function CreateIntakeLinkForm({ onCreated }: { onCreated: (url: string, link: IntakeLink) => void }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = createIntakeLinkInput.safeParse({
      label: data.get("label"),
      expiresInHours: Number(data.get("expiresInHours")),
      maxUses: Number(data.get("maxUses")),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setPending(true);
    setErrors({});
    try {
      const created = await apiRequest("/api/intake-links", {
        method: "POST",
        body: parsed.data,
        schema: createdSchema,
      });
      queryClient.setQueryData<IntakeLink[]>(INTAKE_LINKS_QUERY_KEY, (list = []) => [created.link, ...list]);
      form.reset();
      onCreated(created.url, created.link);
    } catch (caught) {
      setErrors({ form: isApiError(caught) ? caught.message : "The link could not be created. Try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto]">
      <FormField label="Label" hint="Only you see this, e.g. the client's name" error={errors.label}>
        {(control) => <Input {...control} name="label" defaultValue="New client intake" maxLength={120} required />}
      </FormField>
      <FormField label="Expires after (hours)" hint="1 to 168; 72 is three days" error={errors.expiresInHours}>
        {(control) => (
          <Input
            {...control}
            name="expiresInHours"
            type="number"
            inputMode="numeric"
            min={INTAKE_LINK_LIMITS.minHours}
            max={INTAKE_LINK_LIMITS.maxHours}
            defaultValue={INTAKE_LINK_LIMITS.defaultHours}
          />
        )}
      </FormField>
      <FormField label="Uses" hint="How many forms it accepts" error={errors.maxUses}>
        {(control) => (
          <Input
            {...control}
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={INTAKE_LINK_LIMITS.minUses}
            max={INTAKE_LINK_LIMITS.maxUses}
            defaultValue={INTAKE_LINK_LIMITS.defaultUses}
          />
        )}
      </FormField>
      <div className="flex items-start sm:pt-[1.375rem]">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {pending ? <LoaderCircleIcon aria-hidden="true" className="animate-spin" /> : <PlusIcon aria-hidden="true" />}
          Create link
        </Button>
      </div>
      {errors.form && (
        <p role="alert" className="text-sm font-medium text-destructive sm:col-span-4">
          {errors.form}
        </p>
      )}
    </form>
  );
}
