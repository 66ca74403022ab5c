"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { NativeSelect, Textarea } from "@/components/clients/field-controls";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  TASK_STATUSES,
  taskSchema,
  updateTaskInput,
  type Project,
  type Task,
  type TaskStatus,
  type Zone,
} from "@/lib/contracts/tasks";
import { queryKeys } from "@/lib/query-keys";
import { announceTasksChanged } from "./use-tasks";
import { describeRecurrence, recurrenceBasis } from "@/lib/tasks/describe-recurrence";

export const STATUS_LABELS: Record<TaskStatus, string> = {
  backlog: "Backlog",
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

interface EditValues {
  title: string;
  description: string;
  status: TaskStatus;
  priority: string;
  dueDate: string;
  dueTime: string;
  deadline: string;
  projectId: string;
  zoneId: string;
  overduePolicy: "keep" | "roll_over";
  repeats: "keep" | "stop";
}

/** Edits every field of a task; a repeating one can skip this occurrence or stop repeating. */
export function TaskEditDialog({
  task,
  zones,
  projects,
  onClose,
}: {
  task: Task | null;
  zones: readonly Zone[];
  projects: readonly Project[];
  onClose: () => void;
}) {
  return (
    <Dialog open={task !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Edit task</DialogTitle>
          <DialogDescription>Changes are saved when you press Save.</DialogDescription>
        </DialogHeader>
        {task && <TaskEditForm task={task} zones={zones} projects={projects} onDone={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function TaskEditForm({
  task,
  zones,
  projects,
  onDone,
}: {
  task: Task;
  zones: readonly Zone[];
  projects: readonly Project[];
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all }).then(announceTasksChanged);
  const contract = useContractForm(updateTaskInput, {
    defaultValues: {
      title: task.title,
      description: task.description,
      status: task.status,
      priority: String(task.priority),
      dueDate: task.dueDate ?? "",
      dueTime: task.dueTime ?? "",
      deadline: task.deadline ?? "",
      projectId: task.projectId ?? "",
      zoneId: task.zoneId ?? "",
      overduePolicy: task.overduePolicy,
      repeats: "keep",
    } satisfies EditValues,
    toInput: (values: EditValues) => ({
      title: values.title,
      description: values.description,
      status: values.status,
      priority: Number(values.priority),
      dueDate: values.dueDate || null,
      dueTime: values.dueTime || null,
      deadline: values.deadline || null,
      projectId: values.projectId || null,
      zoneId: values.zoneId || null,
      overduePolicy: values.overduePolicy,
      ...(values.repeats === "stop" ? { recurrence: null } : {}),
    }),
    onSubmit: async (values) => {
      await apiRequest(`/api/tasks/${task.id}`, { method: "PATCH", body: values, schema: taskSchema });
      await refresh();
      onDone();
    },
  });
  const { control } = contract.form;
  const closed = task.status === "done" || task.status === "cancelled";

  async function skip() {
    await apiRequest(`/api/tasks/${task.id}/skip`, { method: "POST", schema: taskSchema });
    await refresh();
    onDone();
  }

  async function remove() {
    await apiRequest(`/api/tasks/${task.id}`, { method: "DELETE" });
    await refresh();
    onDone();
  }

  const text = (name: "title" | "dueDate" | "dueTime" | "deadline", label: string, type = "text") => (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...field} type={type} autoComplete="off" />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
  const select = (
    name: "status" | "priority" | "projectId" | "zoneId" | "overduePolicy" | "repeats",
    label: string,
    options: [string, string][],
  ) => (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <NativeSelect {...field}>
              {options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </NativeSelect>
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        {text("title", "Title")}
        <FormField
          control={control}
          name="description"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Description</FormLabel>
              <FormControl>
                <Textarea {...field} maxLength={5000} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          {select(
            "status",
            "Status",
            TASK_STATUSES.map((status) => [status, STATUS_LABELS[status]]),
          )}
          {select("priority", "Priority", [
            ["1", "P1 (high)"],
            ["2", "P2 (medium)"],
            ["3", "P3 (low)"],
            ["4", "None"],
          ])}
          {text("dueDate", "Due date", "date")}
          {text("dueTime", "Due time", "time")}
          {text("deadline", "Hard deadline", "date")}
          {select("overduePolicy", "When overdue", [
            ["keep", "Keep it overdue"],
            ["roll_over", "Roll over to the next day due"],
          ])}
          {select("projectId", "Project", [
            ["", "No project"],
            ...projects.map((p): [string, string] => [p.id, p.name]),
          ])}
          {select("zoneId", "Zone", [["", "No zone"], ...zones.map((z): [string, string] => [z.id, z.name])])}
        </div>
        {task.recurrence && (
          <div className="grid gap-2 rounded-lg border p-3 text-sm">
            <p>
              Repeats <strong>{describeRecurrence(task.recurrence)}</strong>, {recurrenceBasis(task.recurrence)}.
            </p>
            {select("repeats", "Repeat", [
              ["keep", "Keep repeating"],
              ["stop", "Stop repeating after this one"],
            ])}
            {!closed && (
              <ConfirmActionDialog
                trigger={
                  <Button type="button" variant="outline" size="sm" className="justify-self-start">
                    Skip this occurrence
                  </Button>
                }
                title="Skip this occurrence?"
                description="It is marked cancelled and the next one is added as if you had done it."
                confirmLabel="Skip"
                onConfirm={skip}
                fallbackError="The occurrence could not be skipped. Try again."
              />
            )}
          </div>
        )}
        {task.contactId && task.contactName && (
          <p className="text-sm">
            About <Link href={`/clients/${task.contactId}`}>{task.contactName}</Link>
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
          <ConfirmActionDialog
            trigger={
              <Button type="button" variant="ghost" className="text-destructive">
                Delete task
              </Button>
            }
            title="Delete this task?"
            description="It is removed for good; other occurrences of a repeating task stay."
            confirmLabel="Delete"
            variant="destructive"
            onConfirm={remove}
            fallbackError="The task could not be deleted. Try again."
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button type="button" variant="outline" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" disabled={contract.pending}>
              Save
            </Button>
          </div>
        </div>
      </form>
    </Form>
  );
}
