import { z } from "@/lib/zod";
import { calendarDate, plainText } from "./contacts";
import { tagColorSchema } from "./tags";

/** Contracts for `/api/tasks/*`, `/api/task-projects/*` and `/api/task-zones/*`, shared by routes and the task screens. */

export const TASK_STATUSES = ["backlog", "todo", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses a task still needs work in. */
export const OPEN_TASK_STATUSES = ["backlog", "todo", "in_progress"] as const satisfies readonly TaskStatus[];

export const PROJECT_STATUSES = ["planned", "active", "on_hold", "completed"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const RECURRENCE_UNITS = ["day", "week", "month", "year"] as const;
export type RecurrenceUnit = (typeof RECURRENCE_UNITS)[number];

/** 1 is the most urgent (p1 / !high … ), 4 means no priority. */
export const taskPriority = z.number().int().min(1).max(4);

/** `HH:MM`, 24-hour, as stored in the task's `due_time`. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use a time like 15:30" });

/**
 * A repeat rule. `from: "schedule"` ("every") keeps the rhythm of the due dates; `from: "completion"`
 * ("every!") counts from the day the task was done. `weekdays` (ISO, 1 = Monday) only for weekly rules.
 */
export const recurrenceSchema = z
  .strictObject({
    unit: z.enum(RECURRENCE_UNITS),
    interval: z.number().int().min(1).max(365),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).nullable().optional(),
    from: z.enum(["schedule", "completion"]),
  })
  .refine((rule) => !rule.weekdays || rule.unit === "week", {
    message: "Weekdays go with a weekly rule",
    path: ["weekdays"],
  });
export type Recurrence = z.output<typeof recurrenceSchema>;

export const OVERDUE_POLICIES = ["keep", "roll_over"] as const;
export type OverduePolicy = (typeof OVERDUE_POLICIES)[number];

const taskTitle = plainText(300).min(1, { message: "Enter a title" });
const taskDescription = plainText(5000);
const optionalId = z.uuid().nullable().optional();

const taskFields = {
  title: taskTitle,
  description: taskDescription.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  priority: taskPriority.optional(),
  dueDate: calendarDate.nullable().optional(),
  dueTime: timeOfDay.nullable().optional(),
  deadline: calendarDate.nullable().optional(),
  contactId: optionalId,
  projectId: optionalId,
  zoneId: optionalId,
  recurrence: recurrenceSchema.nullable().optional(),
  overduePolicy: z.enum(OVERDUE_POLICIES).optional(),
};

/** `POST /api/tasks`. A time needs a due day, and so does a repeat rule. */
export const createTaskInput = z
  .strictObject(taskFields)
  .refine((task) => !task.dueTime || Boolean(task.dueDate), { message: "A time needs a due date", path: ["dueTime"] })
  .refine((task) => !task.recurrence || Boolean(task.dueDate), {
    message: "A repeating task needs a due date",
    path: ["dueDate"],
  });

/**
 * `PATCH /api/tasks/:id`: only the fields sent change; null clears. Clearing the due day while a time or
 * rule stays is refused by the database (422).
 */
export const updateTaskInput = z
  .strictObject({ ...taskFields, title: taskTitle.optional(), sortOrder: z.number().int().min(0).max(1e9).optional() })
  .refine((task) => !(task.dueTime && task.dueDate === null), {
    message: "A time needs a due date",
    path: ["dueTime"],
  });

export const taskIdParams = z.object({ id: z.uuid() });

export const TASK_VIEWS = ["today", "upcoming", "inbox", "all"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];
export const TASK_SORTS = ["due", "priority", "created", "title"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** `GET /api/tasks`: a view (days in the practitioner's time zone) narrowed by project, zone or client. */
export const listTasksQuery = z.strictObject({
  view: z.enum(TASK_VIEWS).default("all"),
  projectId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  state: z.enum(["open", "closed", "any"]).default("open"),
  priority: z.coerce.number().int().min(1).max(4).optional(),
  sort: z.enum(TASK_SORTS).default("due"),
  /** Upcoming: how many days ahead (1–90). */
  days: z.coerce.number().int().min(1).max(90).default(14),
});
export type ListTasksQuery = z.output<typeof listTasksQuery>;

export const taskSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.number().int(),
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  deadline: z.string().nullable(),
  contactId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  projectId: z.uuid().nullable(),
  zoneId: z.uuid().nullable(),
  completedAt: z.string().nullable(),
  recurrence: recurrenceSchema.nullable(),
  overduePolicy: z.enum(OVERDUE_POLICIES),
  seriesId: z.uuid().nullable(),
  previousTaskId: z.uuid().nullable(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListResponse = z.object({
  items: z.array(taskSchema),
  /** The practitioner's today (`YYYY-MM-DD` in their zone), which the view was computed against. */
  today: z.string(),
});
export type TaskListResponse = z.infer<typeof taskListResponse>;

const bulkIds = z.array(z.uuid()).min(1, { message: "Select at least one task" }).max(200);

/**
 * `POST /api/tasks/bulk`: one action on several tasks, all or nothing (one unknown id changes none).
 * `move` sets the fields sent (project, zone, status); `reschedule` sets the due day (null: no date).
 */
export const bulkTaskInput = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("complete"), ids: bulkIds }),
  z.strictObject({ action: z.literal("delete"), ids: bulkIds }),
  z
    .strictObject({
      action: z.literal("move"),
      ids: bulkIds,
      projectId: optionalId,
      zoneId: optionalId,
      status: z.enum(OPEN_TASK_STATUSES).optional(),
    })
    .refine((move) => move.projectId !== undefined || move.zoneId !== undefined || move.status !== undefined, {
      message: "Choose where to move the tasks",
    }),
  z.strictObject({ action: z.literal("reschedule"), ids: bulkIds, dueDate: calendarDate.nullable() }),
]);
export type BulkTaskInput = z.output<typeof bulkTaskInput>;
export const bulkTaskResponse = z.object({ updated: z.number().int() });

/** `POST /api/tasks/:id/complete` and `/skip` answer the task as it is now. */
export const taskResponse = taskSchema;

// Projects

const projectName = plainText(120).min(1, { message: "Enter a name" });
export const createProjectInput = z.strictObject({
  name: projectName,
  status: z.enum(PROJECT_STATUSES).optional(),
  targetDate: calendarDate.nullable().optional(),
});
export const updateProjectInput = z.strictObject({
  name: projectName.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  targetDate: calendarDate.nullable().optional(),
  archived: z.boolean().optional(),
});
export const projectSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  targetDate: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Tasks done and all tasks not cancelled: progress is done / total. */
  doneCount: z.number().int(),
  totalCount: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectListQuery = z.strictObject({ archived: z.enum(["true", "false", "any"]).default("false") });
export const projectListResponse = z.object({ items: z.array(projectSchema) });

// Zones

const zoneName = plainText(40).min(1, { message: "Enter a name" });
export const createZoneInput = z.strictObject({
  name: zoneName,
  color: tagColorSchema.optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export const updateZoneInput = z.strictObject({
  name: zoneName.optional(),
  color: tagColorSchema.optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
});
export const zoneSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  sortOrder: z.number().int(),
  openCount: z.number().int(),
});
export type Zone = z.infer<typeof zoneSchema>;
export const zoneListResponse = z.object({ items: z.array(zoneSchema) });

/** The zones every practitioner starts with (created on first use; editable and deletable after). */
export const DEFAULT_ZONES = [
  { name: "Clients", color: "#2563eb" },
  { name: "Admin", color: "#64748b" },
  { name: "Marketing", color: "#db2777" },
  { name: "Self-care", color: "#16a34a" },
  { name: "Learning", color: "#7c3aed" },
] as const;

export type CreateTaskInput = z.output<typeof createTaskInput>;
export type UpdateTaskInput = z.output<typeof updateTaskInput>;
export type CreateProjectInput = z.output<typeof createProjectInput>;
export type UpdateProjectInput = z.output<typeof updateProjectInput>;
export type CreateZoneInput = z.output<typeof createZoneInput>;
export type UpdateZoneInput = z.output<typeof updateZoneInput>;
