"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarOffIcon, PlusIcon, Trash2Icon } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { ErrorAlert } from "@/components/error-alert";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  createOverrideInput,
  overrideListResponse,
  overrideSchema,
  type AvailabilityOverride,
  type MinuteRange,
} from "@/lib/contracts/availability";
import { formatTime, type FormatSettings } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { RangeRow } from "./range-row";
import { nextRange, rangeFromTimes, type TimeRangeValues } from "./time-ranges";

/** A minute of the day on the practitioner's clock ("14:30" or "2:30 PM"), whatever their zone. */
export function formatMinuteOfDay(minute: number, settings: FormatSettings): string {
  return formatTime(Date.UTC(2000, 0, 1, 0, minute), { ...settings, timeZone: "UTC" });
}

export function describeRanges(ranges: readonly MinuteRange[], settings: FormatSettings): string {
  if (ranges.length === 0) return "Day off";
  return ranges
    .map((range) => `${formatMinuteOfDay(range.start, settings)}–${formatMinuteOfDay(range.end, settings)}`)
    .join(", ");
}

/** Date overrides from `today` on: a day off or different hours, added and removed here. */
export function OverrideManager({ initial, today }: { initial: AvailabilityOverride[]; today: string }) {
  const queryClient = useQueryClient();
  const format = usePractitionerFormat();
  const overrides = useQuery({
    queryKey: queryKeys.availability.overrides,
    queryFn: async ({ signal }) =>
      (await apiRequest(`/api/availability/overrides?from=${today}`, { schema: overrideListResponse, signal })).items,
    initialData: initial,
  });
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest(`/api/availability/overrides/${id}`, { method: "DELETE" }),
    onMutate: () => setRemoveError(null),
    onSuccess: (_answer, id) => {
      queryClient.setQueryData<AvailabilityOverride[]>(queryKeys.availability.overrides, (list = []) =>
        list.filter((item) => item.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: ["availability", "slots"] });
    },
    onError: (error) => setRemoveError(error instanceof Error ? error.message : "The override could not be removed."),
  });
  const list = overrides.data;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Date overrides</CardTitle>
        <CardDescription>
          A day off, or different hours on one date. An override replaces that day&apos;s weekly hours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <ErrorAlert message={removeError} />
        {list.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <CalendarOffIcon aria-hidden="true" className="size-4" />
            No upcoming overrides: every day follows your weekly hours.
          </p>
        ) : (
          <ul aria-label="Upcoming overrides" className="divide-y rounded-lg border">
            {list.map((item) => {
              const when = format.calendarDate(item.date, { style: "long" });
              return (
                <li key={item.id} className="flex items-center gap-3 px-3 py-2">
                  <div className="grid min-w-0 flex-1">
                    <span className="font-medium">{when}</span>
                    <span className="text-sm text-muted-foreground">
                      {describeRanges(item.ranges, format.settings)}
                      {item.note ? ` · ${item.note}` : ""}
                    </span>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="text-destructive hover:text-destructive"
                    aria-label={`Remove the override on ${when}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(item.id)}
                  >
                    <Trash2Icon aria-hidden="true" />
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <AddOverrideForm today={today} />
      </CardContent>
    </Card>
  );
}

interface OverrideFormValues {
  date: string;
  kind: "off" | "hours";
  ranges: TimeRangeValues[];
  note: string;
}

const emptyOverride = (today: string): OverrideFormValues => ({
  date: today,
  kind: "off",
  ranges: [{ start: "09:00", end: "13:00" }],
  note: "",
});

function AddOverrideForm({ today }: { today: string }) {
  const queryClient = useQueryClient();
  const contract = useContractForm(createOverrideInput, {
    defaultValues: emptyOverride(today),
    toInput: (values: OverrideFormValues) => ({
      date: values.date,
      ranges: values.kind === "off" ? [] : values.ranges.map(rangeFromTimes),
      note: values.note,
    }),
    onSubmit: async (values, { form }) => {
      const created = await apiRequest("/api/availability/overrides", {
        method: "POST",
        body: values,
        schema: overrideSchema,
      });
      queryClient.setQueryData<AvailabilityOverride[]>(queryKeys.availability.overrides, (list = []) =>
        [...list, created].sort((a, b) => a.date.localeCompare(b.date)),
      );
      void queryClient.invalidateQueries({ queryKey: ["availability", "slots"] });
      form.reset(emptyOverride(today));
    },
  });
  const { form } = contract;
  const kind = useWatch({ control: form.control, name: "kind" });
  const ranges = useFieldArray({ control: form.control, name: "ranges" });
  const rangesError = form.formState.errors.ranges?.message;

  return (
    <Form {...form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4 rounded-lg border border-dashed p-4">
        <h3 className="font-medium">Add an override</h3>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="date"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Date</FormLabel>
                <FormControl>
                  <Input {...field} type="date" min={today} required />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={form.control}
            name="note"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Note</FormLabel>
                <FormControl>
                  <Input {...field} autoComplete="off" placeholder="Optional, e.g. Conference" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">On that day</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="off" className="size-4" {...form.register("kind")} />
            Day off
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="hours" className="size-4" {...form.register("kind")} />
            Different hours
          </label>
        </fieldset>
        {kind === "hours" && (
          <div className="grid gap-2">
            {ranges.fields.map((field, index) => (
              <RangeRow
                key={field.id}
                label={`Override, range ${index + 1}`}
                start={form.register(`ranges.${index}.start`)}
                end={form.register(`ranges.${index}.end`)}
                invalid={Boolean(rangesError)}
                describedBy={rangesError ? "override-ranges-error" : undefined}
                onRemove={ranges.fields.length > 1 ? () => ranges.remove(index) : undefined}
              />
            ))}
            {rangesError && (
              <p id="override-ranges-error" className="text-sm text-destructive">
                {rangesError}
              </p>
            )}
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => ranges.append(nextRange(form.getValues("ranges")))}
              >
                <PlusIcon aria-hidden="true" />
                Add hours
              </Button>
            </div>
          </div>
        )}
        <div>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Adding…" : "Add override"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
