"use client";

import { CheckIcon } from "lucide-react";
import { NativeSelect } from "@/components/clients/field-controls";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { createHabitInput, habitSchema, updateHabitInput, type Habit } from "@/lib/contracts/habits";
import { nextTagColors, TAG_COLOR_PRESETS } from "@/lib/tag-colors";
import { useStoreHabit } from "./use-habits";

/** Weekday names in the practitioner's week order (0 = Sunday). */
const WEEKDAYS = [
  { day: 1, label: "Mon" },
  { day: 2, label: "Tue" },
  { day: 3, label: "Wed" },
  { day: 4, label: "Thu" },
  { day: 5, label: "Fri" },
  { day: 6, label: "Sat" },
  { day: 0, label: "Sun" },
];

interface HabitFormValues {
  name: string;
  color: string;
  schedule: { kind: "daily" | "weekdays" | "times_per_week"; weekdays: number[]; timesPerWeek: number };
}

/** The form keeps every schedule's fields; the contract gets only the chosen one's. */
function toInput(values: HabitFormValues) {
  const { kind, weekdays, timesPerWeek } = values.schedule;
  const schedule =
    kind === "weekdays" ? { kind, weekdays } : kind === "times_per_week" ? { kind, timesPerWeek } : { kind };
  return { name: values.name, color: values.color, schedule };
}

function valuesOf(habit: Habit | null, colorsInUse: readonly string[]): HabitFormValues {
  const schedule = habit?.schedule ?? { kind: "daily" as const };
  return {
    name: habit?.name ?? "",
    color: habit?.color ?? nextTagColors(colorsInUse)[0] ?? TAG_COLOR_PRESETS[0].value,
    schedule: {
      kind: schedule.kind,
      weekdays: schedule.kind === "weekdays" ? [...schedule.weekdays] : [1, 3, 5],
      timesPerWeek: schedule.kind === "times_per_week" ? schedule.timesPerWeek : 3,
    },
  };
}

/** Adds a habit (`habit` null) or renames, recolours and reschedules one. */
export function HabitFormDialog({
  habit,
  colorsInUse,
  weekStart,
  open,
  onOpenChange,
}: {
  habit: Habit | null;
  colorsInUse: readonly string[];
  weekStart: 0 | 1;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{habit ? `Edit “${habit.name}”` : "New habit"}</DialogTitle>
          <DialogDescription>
            {habit
              ? "A new schedule applies to the whole history; your answers are kept."
              : "Something small you want to do regularly for yourself."}
          </DialogDescription>
        </DialogHeader>
        <HabitForm habit={habit} colorsInUse={colorsInUse} weekStart={weekStart} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function HabitForm({
  habit,
  colorsInUse,
  weekStart,
  onDone,
}: {
  habit: Habit | null;
  colorsInUse: readonly string[];
  weekStart: 0 | 1;
  onDone: () => void;
}) {
  const storeHabit = useStoreHabit();
  const contract = useContractForm(habit ? updateHabitInput : createHabitInput, {
    defaultValues: valuesOf(habit, colorsInUse),
    toInput,
    keepPendingOnSuccess: true,
    onSubmit: async (values) => {
      const saved = await apiRequest(habit ? `/api/habits/${habit.id}` : "/api/habits", {
        method: habit ? "PATCH" : "POST",
        body: values,
        schema: habitSchema,
      });
      storeHabit(saved);
      onDone();
    },
  });
  const { control, watch } = contract.form;
  const kind = watch("schedule.kind");
  const weekdays = weekStart === 0 ? [WEEKDAYS[6], ...WEEKDAYS.slice(0, 6)] : WEEKDAYS;

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Name</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" placeholder="e.g. Stretch for 10 minutes" required />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="schedule.kind"
          render={({ field }) => (
            <FormItem>
              <FormLabel>How often</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  <option value="daily">Every day</option>
                  <option value="weekdays">On some days of the week</option>
                  <option value="times_per_week">A number of times a week</option>
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        {kind === "weekdays" && (
          <FormField
            control={control}
            name="schedule.weekdays"
            render={({ field }) => (
              <FormItem>
                <fieldset>
                  <legend className="mb-2 text-sm font-medium">Days</legend>
                  <div className="flex flex-wrap gap-1.5">
                    {weekdays.map((weekday) => {
                      const checked = field.value.includes(weekday?.day ?? -1);
                      return (
                        <label
                          key={weekday?.day}
                          className="relative flex h-9 min-w-12 items-center justify-center rounded-md border px-2 text-sm has-checked:border-primary has-checked:bg-primary has-checked:text-primary-foreground has-focus-visible:outline-2 has-focus-visible:outline-ring"
                        >
                          <input
                            type="checkbox"
                            className="absolute inset-0 size-full cursor-pointer appearance-none opacity-0"
                            checked={checked}
                            onChange={() =>
                              field.onChange(
                                checked
                                  ? field.value.filter((day) => day !== weekday?.day)
                                  : [...field.value, weekday?.day ?? 0],
                              )
                            }
                          />
                          {weekday?.label}
                        </label>
                      );
                    })}
                  </div>
                  <FormMessage />
                </fieldset>
              </FormItem>
            )}
          />
        )}
        {kind === "times_per_week" && (
          <FormField
            control={control}
            name="schedule.timesPerWeek"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Times a week</FormLabel>
                <FormControl>
                  <NativeSelect
                    {...field}
                    value={String(field.value)}
                    onChange={(event) => field.onChange(Number(event.target.value))}
                  >
                    {[1, 2, 3, 4, 5, 6, 7].map((times) => (
                      <option key={times} value={times}>
                        {times}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        )}
        <FormField
          control={control}
          name="color"
          render={({ field }) => (
            <FormItem>
              <fieldset>
                <legend className="mb-2 text-sm font-medium">Colour</legend>
                <div className="flex flex-wrap gap-2">
                  {TAG_COLOR_PRESETS.map((preset) => (
                    <button
                      key={preset.value}
                      type="button"
                      aria-label={preset.name}
                      aria-pressed={field.value === preset.value}
                      onClick={() => field.onChange(preset.value)}
                      className="flex size-8 items-center justify-center rounded-full ring-1 ring-foreground/15 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
                      style={{ backgroundColor: preset.value }}
                    >
                      {field.value === preset.value && <CheckIcon aria-hidden="true" className="size-4 text-white" />}
                    </button>
                  ))}
                </div>
                <FormMessage />
              </fieldset>
            </FormItem>
          )}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="outline" disabled={contract.pending} onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Saving…" : habit ? "Save habit" : "Add habit"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
