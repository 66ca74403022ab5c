"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { createTaskInput, taskSchema } from "@/lib/contracts/tasks";
import { formatCalendarWeekday, formatClockTime, zonedDay } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { describeRecurrence } from "@/lib/tasks/describe-recurrence";
import { parseQuickAdd, type QuickAddResult } from "@/lib/tasks/quick-add";
import type { QuickAddPreset } from "./quick-add-provider";
import { announceTasksChanged, useProjects, useZones } from "./use-tasks";

const PRIORITY_NAMES: Record<number, string> = { 1: "P1 (high)", 2: "P2 (medium)", 3: "P3 (low)", 4: "none" };

/** The quick-add: one line, read as it is typed, and what was understood shown before saving. */
export function QuickAddDialog({ preset, onClose }: { preset: QuickAddPreset | null; onClose: () => void }) {
  return (
    <Dialog open={preset !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a task</DialogTitle>
          <DialogDescription>
            Type it as you would say it: “Call Sofia tomorrow 3pm #admin !high”, “Stretch every! 2 days”.
          </DialogDescription>
        </DialogHeader>
        {preset && <QuickAddForm preset={preset} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function QuickAddForm({ preset, onDone }: { preset: QuickAddPreset; onDone: () => void }) {
  const queryClient = useQueryClient();
  const format = usePractitionerFormat();
  const zones = useZones();
  const projects = useProjects();
  const today = zonedDay(new Date(), format.settings.timeZone);
  const context = useMemo(
    () => ({
      today,
      weekStart: format.settings.weekStart,
      zones: zones.data ?? [],
      projects: projects.data ?? [],
    }),
    [today, format.settings.weekStart, zones.data, projects.data],
  );
  const toInput = useMemo(
    () => (values: { line: string }) => {
      const parsed = parseQuickAdd(values.line, context);
      return {
        title: parsed.title,
        dueDate: parsed.dueDate,
        dueTime: parsed.dueTime,
        zoneId: parsed.zoneId,
        projectId: parsed.projectId,
        recurrence: parsed.recurrence,
        ...(parsed.priority === null ? {} : { priority: parsed.priority }),
        ...(preset.contactId ? { contactId: preset.contactId } : {}),
      };
    },
    [context, preset.contactId],
  );
  const contract = useContractForm(createTaskInput, {
    defaultValues: { line: "" },
    toInput,
    onSubmit: async (values) => {
      await apiRequest("/api/tasks", { method: "POST", body: values, schema: taskSchema });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all });
      announceTasksChanged();
      onDone();
    },
  });
  const line = contract.form.watch("line");
  const parsed = useMemo(() => parseQuickAdd(line, context), [line, context]);

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={contract.form.control}
          name="line"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Task</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" autoFocus required maxLength={400} />
              </FormControl>
              <FormDescription>
                Days: today, tomorrow, friday, next week, 24 dec · time: 3pm, 15:30 · #zone or #project · !high, !p2 ·
                every monday, every! 2 weeks
              </FormDescription>
            </FormItem>
          )}
        />
        <Understood parsed={parsed} context={context} contactName={preset.contactName} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="outline" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            Add task
          </Button>
        </div>
      </form>
    </Form>
  );
}

function Understood({
  parsed,
  context,
  contactName,
}: {
  parsed: QuickAddResult;
  context: { zones: readonly { id: string; name: string }[]; projects: readonly { id: string; name: string }[] };
  contactName: string | undefined;
}) {
  const format = usePractitionerFormat();
  const rows: [string, string][] = [["Title", parsed.title || "—"]];
  if (parsed.dueDate)
    rows.push([
      "Due",
      `${formatCalendarWeekday(parsed.dueDate, format.settings)}${parsed.dueTime ? `, ${formatClockTime(parsed.dueTime, format.settings)}` : ""}`,
    ]);
  if (parsed.recurrence) rows.push(["Repeats", describeRecurrence(parsed.recurrence)]);
  if (parsed.zoneId) rows.push(["Zone", context.zones.find((zone) => zone.id === parsed.zoneId)?.name ?? ""]);
  if (parsed.projectId)
    rows.push(["Project", context.projects.find((project) => project.id === parsed.projectId)?.name ?? ""]);
  if (parsed.priority !== null) rows.push(["Priority", PRIORITY_NAMES[parsed.priority] ?? ""]);
  if (contactName) rows.push(["Client", contactName]);
  return (
    <section aria-label="What will be saved" aria-live="polite" className="rounded-lg border bg-muted/40 p-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="quick-add-understood">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {parsed.warnings.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-amber-800 dark:text-amber-300">
          {parsed.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
