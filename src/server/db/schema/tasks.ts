import { sql } from "drizzle-orm";
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { contacts } from "./contacts";

/** A life/business area a task belongs to (Clients, Admin, …): a short editable list with colours (0022). */
export const taskZones = pgTable(
  "task_zones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("task_zones_user_id_id_key").on(table.userId, table.id),
    uniqueIndex("task_zones_user_id_name_key").on(table.userId, sql`lower(${table.name})`),
  ],
);

/** A group of tasks with a status, an optional target date, and an archive (0022). */
export const taskProjects = pgTable(
  "task_projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status").notNull().default("active"),
    targetDate: date("target_date"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("task_projects_user_id_id_key").on(table.userId, table.id),
    index("task_projects_user_id_created_at_idx").on(table.userId, table.createdAt),
  ],
);

/** One row per practitioner, written on first use: when the default zones were created (0022). */
export const taskPreferences = pgTable("task_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  zonesSeededAt: timestamp("zones_seeded_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A task (0022). A recurring one is one occurrence of a series: completing or skipping it makes the job
 * system add the next, whose `previous_task_id` names it (unique, so at most one next).
 */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status").notNull().default("todo"),
    priority: smallint("priority").notNull().default(4),
    dueDate: date("due_date"),
    dueTime: time("due_time"),
    deadline: date("deadline"),
    contactId: uuid("contact_id"),
    projectId: uuid("project_id"),
    zoneId: uuid("zone_id"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    recurrenceUnit: text("recurrence_unit"),
    recurrenceInterval: smallint("recurrence_interval"),
    recurrenceWeekdays: smallint("recurrence_weekdays"),
    recurrenceFrom: text("recurrence_from"),
    overduePolicy: text("overdue_policy").notNull().default("keep"),
    seriesId: uuid("series_id"),
    previousTaskId: uuid("previous_task_id"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique("tasks_user_id_id_key").on(table.userId, table.id),
    foreignKey({
      name: "tasks_contact_fkey",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "tasks_project_fkey",
      columns: [table.userId, table.projectId],
      foreignColumns: [taskProjects.userId, taskProjects.id],
    }),
    foreignKey({
      name: "tasks_zone_fkey",
      columns: [table.userId, table.zoneId],
      foreignColumns: [taskZones.userId, taskZones.id],
    }),
    index("tasks_user_id_status_due_date_idx").on(table.userId, table.status, table.dueDate),
    index("tasks_user_id_project_id_idx")
      .on(table.userId, table.projectId)
      .where(sql`project_id is not null`),
    index("tasks_user_id_zone_id_idx")
      .on(table.userId, table.zoneId)
      .where(sql`zone_id is not null`),
    index("tasks_user_id_contact_id_idx")
      .on(table.userId, table.contactId)
      .where(sql`contact_id is not null`),
    uniqueIndex("tasks_user_id_previous_task_id_key")
      .on(table.userId, table.previousTaskId)
      .where(sql`previous_task_id is not null`),
  ],
);
