"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Trash2Icon } from "lucide-react";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { ErrorAlert } from "@/components/error-alert";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest, isApiError } from "@/lib/api-client";
import { createZoneInput, zoneSchema, type Zone } from "@/lib/contracts/tasks";
import { queryKeys } from "@/lib/query-keys";
import { TAG_COLOR_PRESETS } from "@/lib/tag-colors";
import { announceTasksChanged, useZones } from "./use-tasks";

/** The zones list, editable in place: rename (on leaving the field), recolour, delete, add. */
export function ZonesPanel() {
  const zones = useZones();
  return (
    <section aria-label="Zones" className="grid gap-3 rounded-lg border p-3">
      <ul className="grid gap-2">
        {(zones.data ?? []).map((zone) => (
          <ZoneLine key={zone.id} zone={zone} />
        ))}
      </ul>
      <NewZoneForm />
    </section>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all }).then(announceTasksChanged);
}

function ZoneLine({ zone }: { zone: Zone }) {
  const refresh = useRefresh();
  const [error, setError] = useState<string | null>(null);
  async function change(body: { name?: string; color?: string }) {
    setError(null);
    try {
      await apiRequest(`/api/task-zones/${zone.id}`, { method: "PATCH", body, schema: zoneSchema });
      await refresh();
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The zone could not be changed. Try again.");
    }
  }
  return (
    <li className="grid gap-1">
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`Colour of ${zone.name}`}
          defaultValue={zone.color}
          list="zone-colour-presets"
          onChange={(event) => void change({ color: event.target.value })}
          className="size-9 shrink-0 cursor-pointer rounded border bg-card p-0.5"
        />
        <Input
          aria-label={`Name of ${zone.name}`}
          defaultValue={zone.name}
          maxLength={40}
          className="h-9 min-w-0"
          onBlur={(event) => {
            const name = event.target.value.trim();
            if (name && name !== zone.name) void change({ name });
          }}
        />
        <span className="shrink-0 text-xs text-muted-foreground">{zone.openCount} open</span>
        <ConfirmActionDialog
          trigger={
            <Button size="icon" variant="ghost" aria-label={`Delete ${zone.name}`}>
              <Trash2Icon aria-hidden="true" />
            </Button>
          }
          title={`Delete the zone “${zone.name}”?`}
          description="Its tasks stay, in no zone."
          confirmLabel="Delete"
          variant="destructive"
          onConfirm={async () => {
            await apiRequest(`/api/task-zones/${zone.id}`, { method: "DELETE" });
            await refresh();
          }}
          fallbackError="The zone could not be deleted. Try again."
        />
      </div>
      <ErrorAlert message={error} />
    </li>
  );
}

function NewZoneForm() {
  const refresh = useRefresh();
  const contract = useContractForm(createZoneInput, {
    defaultValues: { name: "" },
    onSubmit: async (values, { form }) => {
      await apiRequest("/api/task-zones", { method: "POST", body: values, schema: zoneSchema });
      await refresh();
      form.reset({ name: "" });
    },
  });
  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={contract.form.control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>New zone</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" maxLength={40} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" disabled={contract.pending}>
          Add zone
        </Button>
      </form>
      <datalist id="zone-colour-presets">
        {TAG_COLOR_PRESETS.map((preset) => (
          <option key={preset.value} value={preset.value} />
        ))}
      </datalist>
    </Form>
  );
}
