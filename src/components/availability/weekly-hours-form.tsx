"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CheckIcon, CopyIcon, PlusIcon } from "lucide-react";
import { useState } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiRequest } from "@/lib/api-client";
import {
  availabilityResponse,
  updateAvailabilityInput,
  WEEKDAYS,
  type Availability,
  type UpdateAvailabilityInput,
  type Weekday,
} from "@/lib/contracts/availability";
import { queryKeys } from "@/lib/query-keys";
import { RangeRow } from "./range-row";
import { nextRange, rangeFromTimes, timesFromRange, type TimeRangeValues } from "./time-ranges";

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  monday: "Monday",
  tuesday: "Tuesday",
  wednesday: "Wednesday",
  thursday: "Thursday",
  friday: "Friday",
  saturday: "Saturday",
  sunday: "Sunday",
};
const WORKING_WEEK: readonly Weekday[] = ["monday", "tuesday", "wednesday", "thursday", "friday"];

interface WeeklyHoursFormValues {
  weeklyHours: Record<Weekday, TimeRangeValues[]>;
  /** Typed as text; blank means no limit. */
  dailyBookingLimit: string;
}

function formValuesOf(availability: Availability): WeeklyHoursFormValues {
  return {
    weeklyHours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, availability.weeklyHours[day].map(timesFromRange)]),
    ) as Record<Weekday, TimeRangeValues[]>,
    dailyBookingLimit: availability.dailyBookingLimit === null ? "" : String(availability.dailyBookingLimit),
  };
}

function toInput(values: WeeklyHoursFormValues) {
  const limit = values.dailyBookingLimit.trim();
  return {
    weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, values.weeklyHours[day].map(rangeFromTimes)])),
    dailyBookingLimit: limit === "" ? null : Number(limit),
  };
}

/** Settings → Availability: the weekly working hours (several ranges a day) and the daily booking limit. */
export function WeeklyHoursForm({ availability }: { availability: Availability }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<"default" | "saved" | null>(availability.isDefault ? "default" : null);
  const contract = useContractForm(updateAvailabilityInput, {
    defaultValues: formValuesOf(availability),
    toInput,
    onSubmit: async (values, { form }) => {
      const { availability: stored } = await apiRequest("/api/availability", {
        method: "PUT",
        body: values,
        schema: availabilityResponse,
      });
      form.reset(formValuesOf(stored));
      setSaved("saved");
      void queryClient.invalidateQueries({ queryKey: queryKeys.availability.all });
    },
  });
  const { form } = contract;
  const limitError = form.formState.errors.dailyBookingLimit?.message;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Weekly hours</CardTitle>
        <CardDescription>
          When clients may book you, in your own time zone{availability.timeZone ? ` (${availability.timeZone})` : ""}.
          A day can have several ranges, for a lunch break or an evening clinic.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form noValidate onSubmit={contract.onSubmit} className="grid gap-6">
            <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
            <ul aria-label="Working hours by day" className="grid gap-4">
              {WEEKDAYS.map((day) => (
                <DayHours key={day} day={day} form={form} />
              ))}
            </ul>
            <div className="grid max-w-xs gap-2">
              <Label htmlFor="daily-booking-limit">Daily booking limit</Label>
              <Input
                id="daily-booking-limit"
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={limitError ? true : undefined}
                aria-describedby={
                  limitError ? "daily-booking-limit-hint daily-booking-limit-error" : "daily-booking-limit-hint"
                }
                {...form.register("dailyBookingLimit")}
              />
              <p id="daily-booking-limit-hint" className="text-sm text-muted-foreground">
                The most sessions clients may book on one day. Leave blank for no limit.
              </p>
              {limitError && (
                <p id="daily-booking-limit-error" className="text-sm text-destructive">
                  {limitError}
                </p>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={contract.pending}>
                {contract.pending ? "Saving…" : "Save hours"}
              </Button>
              <p aria-live="polite" className="flex items-center gap-1 text-sm text-muted-foreground">
                {saved === "saved" && !form.formState.isDirty ? (
                  <>
                    <CheckIcon aria-hidden="true" className="size-4" />
                    Saved
                  </>
                ) : saved === "default" ? (
                  "These are the suggested hours until you save your own."
                ) : null}
              </p>
            </div>
          </form>
        </Form>
      </CardContent>
    </Card>
  );
}

function DayHours({
  day,
  form,
}: {
  day: Weekday;
  form: UseFormReturn<WeeklyHoursFormValues, unknown, UpdateAvailabilityInput>;
}) {
  const name = `weeklyHours.${day}` as const;
  const ranges = useFieldArray({ control: form.control, name });
  const error = form.formState.errors.weeklyHours?.[day]?.message;
  const errorId = `hours-${day}-error`;
  const dayName = WEEKDAY_NAMES[day];

  function copyToWeekdays() {
    const current = form.getValues(name);
    for (const other of WORKING_WEEK)
      if (other !== day)
        form.setValue(
          `weeklyHours.${other}`,
          current.map((range) => ({ ...range })),
          { shouldDirty: true },
        );
  }

  return (
    <li className="grid gap-2 border-b pb-4 last:border-b-0 sm:grid-cols-[7rem_1fr] sm:gap-4">
      <h3 className="pt-2 text-sm font-medium">{dayName}</h3>
      <div className="grid gap-2">
        {ranges.fields.length === 0 && <p className="pt-2 text-sm text-muted-foreground">Not working</p>}
        {ranges.fields.map((field, index) => (
          <RangeRow
            key={field.id}
            label={`${dayName}, range ${index + 1}`}
            start={form.register(`${name}.${index}.start`)}
            end={form.register(`${name}.${index}.end`)}
            invalid={Boolean(error)}
            describedBy={error ? errorId : undefined}
            onRemove={() => ranges.remove(index)}
          />
        ))}
        {error && (
          <p id={errorId} className="text-sm text-destructive">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => ranges.append(nextRange(form.getValues(name)))}
            aria-label={`Add hours on ${dayName}`}
          >
            <PlusIcon aria-hidden="true" />
            Add hours
          </Button>
          {WORKING_WEEK.includes(day) && (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={copyToWeekdays}
              aria-label={`Copy to weekdays from ${dayName}`}
            >
              <CopyIcon aria-hidden="true" />
              Copy to weekdays
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
