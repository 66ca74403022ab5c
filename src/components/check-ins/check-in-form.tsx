"use client";

import { CheckIcon } from "lucide-react";
import { useState } from "react";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  CHECK_IN_SCALES,
  checkInSchema,
  putCheckInInput,
  type CheckIn,
  type CheckInListResponse,
  type CheckInPeriod,
} from "@/lib/contracts/check-ins";
import { cn } from "@/lib/utils";
import { useCheckIns, useStoreCheckIn } from "./use-check-ins";

interface CheckInFormValues {
  energy: number | null;
  mood: number | null;
  sleep: number | null;
  stress: number | null;
  note: string;
}

const PERIODS: readonly { period: CheckInPeriod; label: string }[] = [
  { period: "morning", label: "Morning" },
  { period: "evening", label: "Evening" },
];

const valuesOf = (entry: CheckIn | undefined): CheckInFormValues => ({
  energy: entry?.energy ?? null,
  mood: entry?.mood ?? null,
  sleep: entry?.sleep ?? null,
  stress: entry?.stress ?? null,
  note: entry?.note ?? "",
});

/**
 * Today's check-in: morning or evening, four 1–5 scales and a one-line note. Only today's can be saved
 * (the API refuses a day that is over), so the form always shows today's.
 */
export function CheckInForm({ initial }: { initial: CheckInListResponse }) {
  const { data = initial } = useCheckIns(initial);
  const todays = data.items.filter((item) => item.day === data.today);
  const [period, setPeriod] = useState<CheckInPeriod>(() =>
    todays.some((item) => item.period === "morning") ? "evening" : "morning",
  );
  const entry = todays.find((item) => item.period === period);
  return (
    <div className="grid gap-4">
      <div role="group" aria-label="Which check-in" className="flex gap-2">
        {PERIODS.map(({ period: value, label }) => {
          const answered = todays.some((item) => item.period === value);
          return (
            <Button
              key={value}
              type="button"
              size="sm"
              variant={period === value ? "default" : "outline"}
              aria-pressed={period === value}
              onClick={() => setPeriod(value)}
            >
              {label}
              {answered && (
                <>
                  <CheckIcon aria-hidden="true" />
                  <span className="sr-only">(answered)</span>
                </>
              )}
            </Button>
          );
        })}
      </div>
      <CheckInFields key={`${data.today}-${period}`} day={data.today} period={period} entry={entry} />
    </div>
  );
}

function CheckInFields({ day, period, entry }: { day: string; period: CheckInPeriod; entry: CheckIn | undefined }) {
  const storeCheckIn = useStoreCheckIn();
  const [saved, setSaved] = useState(false);
  const contract = useContractForm(putCheckInInput, {
    defaultValues: valuesOf(entry),
    onSubmit: async (values, { form }) => {
      setSaved(false);
      const stored = await apiRequest(`/api/check-ins/${day}/${period}`, {
        method: "PUT",
        body: values,
        schema: checkInSchema,
      });
      storeCheckIn(stored);
      form.reset(valuesOf(stored));
      setSaved(true);
    },
  });
  const { control, formState } = contract.form;
  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4" aria-label={`${period} check-in`}>
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        {CHECK_IN_SCALES.map((scale) => (
          <FormField
            key={scale.key}
            control={control}
            name={scale.key}
            render={({ field }) => (
              <FormItem>
                <fieldset className="grid gap-1.5">
                  <legend className="mb-1 text-sm font-medium">
                    {scale.label}{" "}
                    <span className="font-normal text-muted-foreground">
                      (1 {scale.low} – 5 {scale.high})
                    </span>
                  </legend>
                  <div className="flex gap-1.5">
                    {[1, 2, 3, 4, 5].map((value) => (
                      <label
                        key={value}
                        className={cn(
                          "relative flex size-10 items-center justify-center rounded-full border-2 text-sm font-medium tabular-nums",
                          "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-ring",
                          field.value === value ? "border-primary bg-primary text-primary-foreground" : "bg-card",
                        )}
                      >
                        <input
                          type="radio"
                          // Over the whole circle, invisible: the circle is what shows, the input what is pressed.
                          className="absolute inset-0 size-full cursor-pointer appearance-none rounded-full opacity-0"
                          name={`${period}-${scale.key}`}
                          value={value}
                          checked={field.value === value}
                          onChange={() => field.onChange(value)}
                          aria-label={`${scale.label} ${value}`}
                        />
                        {value}
                      </label>
                    ))}
                  </div>
                  <FormMessage />
                </fieldset>
              </FormItem>
            )}
          />
        ))}
        <FormField
          control={control}
          name="note"
          render={({ field }) => (
            <FormItem>
              <FormLabel>One line about today</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" maxLength={140} placeholder="Optional" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={contract.pending || (!formState.isDirty && entry !== undefined)}>
            {contract.pending ? "Saving…" : entry ? "Save changes" : "Save check-in"}
          </Button>
          <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-sm text-success">
            {saved && (
              <>
                <CheckIcon aria-hidden="true" className="size-4" />
                Check-in saved
              </>
            )}
          </p>
        </div>
      </form>
    </Form>
  );
}
