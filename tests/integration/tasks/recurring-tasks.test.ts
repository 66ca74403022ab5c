import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Task, TaskListResponse } from "@/lib/contracts/tasks";
import { enqueueJob, processDueJobs } from "@/server/jobs";
import { expectError } from "../auth/fixtures";
import {
  loadClientRecordsApi,
  signUpPractitioner,
  systemRows,
  type Practitioner,
} from "../contacts/client-records-api";

let alice: Practitioner;
let today: string;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  await alice.expect(200, "PATCH", "/api/profile", { timeZone: "Europe/Berlin" });
  today = (await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=today")).today;
});

const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);

const series = (seriesId: string) =>
  systemRows<{ id: string; due_date: string | Date; status: string; previous_task_id: string | null }>(
    sql`select id, due_date, status, previous_task_id from public.tasks where series_id = ${seriesId} order by created_at, id`,
  );
const dayOf = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

describe("recurring tasks", () => {
  it("completed: the job adds the next occurrence once, however often it runs", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Water plants",
      dueDate: addDays(today, -3),
      dueTime: "09:00",
      recurrence: { unit: "day", interval: 2, from: "schedule" },
    });
    expect(task.seriesId).toBe(task.id);
    await alice.expect(200, "POST", `/api/tasks/${task.id}/complete`);
    // Completing again (done → done) and reopening then completing ask for no second job.
    await alice.expect(200, "PATCH", `/api/tasks/${task.id}`, { status: "done" });
    await alice.expect(200, "PATCH", `/api/tasks/${task.id}`, { status: "todo" });
    await alice.expect(200, "PATCH", `/api/tasks/${task.id}`, { status: "done" });
    const jobs = await systemRows(
      sql`select id from app_private.jobs where kind = 'tasks.create-next-occurrence' and payload->>'taskId' = ${task.id}`,
    );
    expect(jobs).toHaveLength(1);
    expect((await processDueJobs({ schedule: false })).succeeded).toBeGreaterThanOrEqual(1);
    // The same work again as a second job (another key): the unique previous_task_id keeps it at one.
    const { withSystemDb } = await import("@/server/db");
    await withSystemDb("test", (tx) =>
      enqueueJob(tx, "tasks.create-next-occurrence", { taskId: task.id }, { userId: alice.id, key: "again" }),
    );
    await processDueJobs({ schedule: false });
    const rows = await series(task.id);
    expect(rows).toHaveLength(2);
    const next = rows[1];
    expect(next?.previous_task_id).toBe(task.id);
    expect(next?.status).toBe("todo");
    // Every 2 days from 3 days ago: the first of the rhythm after today (never another overdue task).
    expect(dayOf(next?.due_date ?? "")).toBe(addDays(today, 1));
    const shown = await alice.expect<Task>(200, "GET", `/api/tasks/${next?.id}`);
    expect(shown).toMatchObject({ title: "Water plants", dueTime: "09:00", recurrence: { unit: "day", interval: 2 } });
  });

  it("'every!' counts from the day it was done", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Replace toothbrush",
      dueDate: addDays(today, -10),
      recurrence: { unit: "week", interval: 2, from: "completion" },
    });
    await alice.expect(200, "POST", "/api/tasks/bulk", { action: "complete", ids: [task.id] });
    await processDueJobs({ schedule: false });
    const rows = await series(task.id);
    expect(rows.map((row) => dayOf(row.due_date))).toEqual([addDays(today, -10), addDays(today, 14)]);
  });

  it("skip cancels one occurrence and the next follows", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Team call",
      dueDate: addDays(today, 1),
      recurrence: { unit: "week", interval: 1, from: "schedule" },
    });
    const skipped = await alice.expect<Task>(200, "POST", `/api/tasks/${task.id}/skip`);
    expect(skipped.status).toBe("cancelled");
    await expectError((await alice.send("POST", `/api/tasks/${task.id}/skip`)).response, 409);
    await processDueJobs({ schedule: false });
    const rows = await series(task.id);
    expect(rows.map((row) => [dayOf(row.due_date), row.status])).toEqual([
      [addDays(today, 1), "cancelled"],
      [addDays(today, 8), "todo"],
    ]);
  });

  it("a task reopened before the job runs gets no next occurrence", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Undo me",
      dueDate: today,
      recurrence: { unit: "day", interval: 1, from: "schedule" },
    });
    await alice.expect(200, "POST", `/api/tasks/${task.id}/complete`);
    await alice.expect(200, "PATCH", `/api/tasks/${task.id}`, { status: "todo" });
    await processDueJobs({ schedule: false });
    expect(await series(task.id)).toHaveLength(1);
  });

  it("overdue policy: 'roll over' moves an overdue occurrence to its next day, 'keep' leaves it", async () => {
    const rolling = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Rolls",
      dueDate: addDays(today, -3),
      overduePolicy: "roll_over",
      recurrence: { unit: "day", interval: 2, from: "schedule" },
    });
    const kept = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Stays",
      dueDate: addDays(today, -3),
      recurrence: { unit: "day", interval: 2, from: "schedule" },
    });
    const plain = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Plain rolls",
      dueDate: addDays(today, -5),
      overduePolicy: "roll_over",
    });
    const { withSystemDb } = await import("@/server/db");
    await withSystemDb("test", (tx) => enqueueJob(tx, "tasks.roll-over-overdue", {}));
    await processDueJobs({ schedule: false });
    expect((await alice.expect<Task>(200, "GET", `/api/tasks/${rolling.id}`)).dueDate).toBe(addDays(today, 1));
    expect((await alice.expect<Task>(200, "GET", `/api/tasks/${kept.id}`)).dueDate).toBe(addDays(today, -3));
    expect((await alice.expect<Task>(200, "GET", `/api/tasks/${plain.id}`)).dueDate).toBe(today);
  });
});
