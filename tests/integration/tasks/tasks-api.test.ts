import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE_ACCOUNT_PHRASE } from "@/lib/contracts/account";
import type { Contact } from "@/lib/contracts/contacts";
import type { Project, Task, TaskListResponse, Zone } from "@/lib/contracts/tasks";
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
  // Far east of UTC, so "today" differs from the server's UTC day for part of every day.
  await alice.expect(200, "PATCH", "/api/profile", { timeZone: "Pacific/Kiritimati" });
  today = (await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=today")).today;
});

const addDays = (day: string, count: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);

describe("zones", () => {
  it("start as the five defaults, once: a deleted default does not come back", async () => {
    const first = await alice.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones");
    expect(first.items.map((zone) => zone.name)).toEqual(["Clients", "Admin", "Marketing", "Self-care", "Learning"]);
    const learning = first.items.find((zone) => zone.name === "Learning");
    await alice.expect(204, "DELETE", `/api/task-zones/${learning?.id}`);
    const again = await alice.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones");
    expect(again.items.map((zone) => zone.name)).toEqual(["Clients", "Admin", "Marketing", "Self-care"]);
  });

  it("are added, renamed and recoloured; names are unique whatever the case", async () => {
    const zone = await alice.expect<Zone>(201, "POST", "/api/task-zones", { name: "Research", color: "#0D9488" });
    expect(zone).toMatchObject({ name: "Research", color: "#0d9488", openCount: 0 });
    await expectError((await alice.send("POST", "/api/task-zones", { name: "research" })).response, 409);
    expect(await alice.expect<Zone>(200, "PATCH", `/api/task-zones/${zone.id}`, { name: "Study" })).toMatchObject({
      name: "Study",
    });
  });

  it("deleted leave their tasks in no zone", async () => {
    const zone = await alice.expect<Zone>(201, "POST", "/api/task-zones", { name: "Temporary" });
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Zoned", zoneId: zone.id });
    await alice.expect(204, "DELETE", `/api/task-zones/${zone.id}`);
    expect((await alice.expect<Task>(200, "GET", `/api/tasks/${task.id}`)).zoneId).toBeNull();
  });
});

describe("tasks", () => {
  it("are created with every field and read back", async () => {
    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Sofia Marin" });
    const project = await alice.expect<Project>(201, "POST", "/api/task-projects", { name: "Website" });
    const zones = await alice.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones");
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: " Call Sofia ",
      description: "About the stretching sheet",
      priority: 1,
      dueDate: today,
      dueTime: "15:00",
      deadline: addDays(today, 3),
      contactId: client.id,
      projectId: project.id,
      zoneId: zones.items[0]?.id,
    });
    expect(task).toMatchObject({
      title: "Call Sofia",
      status: "todo",
      priority: 1,
      dueDate: today,
      dueTime: "15:00",
      contactName: "Sofia Marin",
      completedAt: null,
      recurrence: null,
      seriesId: null,
    });
  });

  it("are listed by view in the practitioner's time zone: Today, Upcoming, Inbox", async () => {
    const overdue = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "Overdue",
      dueDate: addDays(today, -2),
    });
    const dueToday = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Due today", dueDate: today });
    const later = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Later", dueDate: addDays(today, 5) });
    const inbox = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Someday" });
    const ids = (list: TaskListResponse) => list.items.map((task) => task.id);
    const todayView = await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=today");
    expect(ids(todayView)).toEqual(expect.arrayContaining([overdue.id, dueToday.id]));
    expect(ids(todayView)).not.toContain(later.id);
    expect(ids(todayView).indexOf(overdue.id)).toBeLessThan(ids(todayView).indexOf(dueToday.id));
    const upcoming = await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=upcoming&days=7");
    expect(ids(upcoming)).toEqual(expect.arrayContaining([dueToday.id, later.id]));
    expect(ids(upcoming)).not.toContain(overdue.id);
    const inboxView = await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=inbox");
    expect(ids(inboxView)).toContain(inbox.id);
    expect(ids(inboxView)).not.toContain(dueToday.id);
    await alice.expect(200, "POST", `/api/tasks/${dueToday.id}/complete`);
    expect(ids(await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?view=today"))).not.toContain(dueToday.id);
    expect(ids(await alice.expect<TaskListResponse>(200, "GET", "/api/tasks?state=closed"))).toContain(dueToday.id);
  });

  it("filter by client, project, zone and priority, and sort", async () => {
    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Filter Client" });
    const mine = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "b client task",
      contactId: client.id,
      priority: 2,
    });
    const other = await alice.expect<Task>(201, "POST", "/api/tasks", {
      title: "A client task",
      contactId: client.id,
      priority: 3,
    });
    const byClient = await alice.expect<TaskListResponse>(200, "GET", `/api/tasks?contactId=${client.id}&sort=title`);
    expect(byClient.items.map((task) => task.id)).toEqual([other.id, mine.id]);
    const byPriority = await alice.expect<TaskListResponse>(200, "GET", `/api/tasks?contactId=${client.id}&priority=2`);
    expect(byPriority.items.map((task) => task.id)).toEqual([mine.id]);
  });

  it("change status with completed_at kept in step, and refuse a time without a day", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Status", dueDate: today });
    const done = await alice.expect<Task>(200, "PATCH", `/api/tasks/${task.id}`, { status: "done" });
    expect(done.completedAt).not.toBeNull();
    const reopened = await alice.expect<Task>(200, "PATCH", `/api/tasks/${task.id}`, { status: "in_progress" });
    expect(reopened.completedAt).toBeNull();
    await expectError(
      (await alice.send("PATCH", `/api/tasks/${task.id}`, { dueDate: null, dueTime: "10:00" })).response,
      422,
    );
    await expectError((await alice.send("POST", "/api/tasks", { title: "x", dueTime: "10:00" })).response, 422);
    await alice.expect(200, "PATCH", `/api/tasks/${task.id}`, { dueTime: "10:00" });
    // Clearing the day while the time stays is refused by the database, as a 422.
    await expectError((await alice.send("PATCH", `/api/tasks/${task.id}`, { dueDate: null })).response, 422);
  });

  it("are deleted (404 after)", async () => {
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Gone" });
    await alice.expect(204, "DELETE", `/api/tasks/${task.id}`);
    await expectError((await alice.send("GET", `/api/tasks/${task.id}`)).response, 404);
    await expectError((await alice.send("DELETE", `/api/tasks/${task.id}`)).response, 404);
  });

  it("go with the client when the client is erased", async () => {
    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Erased Client" });
    const task = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Call them", contactId: client.id });
    await alice.expect(204, "DELETE", `/api/contacts/${client.id}`);
    expect(await systemRows(sql`select id from public.tasks where id = ${task.id}`)).toEqual([]);
  });
});

describe("projects", () => {
  it("show progress from their tasks, archive and restore, and leave tasks behind when deleted", async () => {
    const project = await alice.expect<Project>(201, "POST", "/api/task-projects", {
      name: "Launch",
      targetDate: addDays(today, 30),
    });
    const tasks = await Promise.all(
      ["One", "Two", "Three", "Four"].map((title) =>
        alice.expect<Task>(201, "POST", "/api/tasks", { title, projectId: project.id }),
      ),
    );
    await alice.expect(200, "POST", `/api/tasks/${tasks[0]?.id}/complete`);
    await alice.expect(200, "PATCH", `/api/tasks/${tasks[1]?.id}`, { status: "cancelled" });
    const listed = await alice.expect<{ items: Project[] }>(200, "GET", "/api/task-projects");
    expect(listed.items.find((item) => item.id === project.id)).toMatchObject({
      status: "active",
      doneCount: 1,
      totalCount: 3,
    });
    const archived = await alice.expect<Project>(200, "PATCH", `/api/task-projects/${project.id}`, {
      archived: true,
      status: "completed",
    });
    expect(archived.archivedAt).not.toBeNull();
    const active = await alice.expect<{ items: Project[] }>(200, "GET", "/api/task-projects");
    expect(active.items.map((item) => item.id)).not.toContain(project.id);
    const all = await alice.expect<{ items: Project[] }>(200, "GET", "/api/task-projects?archived=any");
    expect(all.items.map((item) => item.id)).toContain(project.id);
    await alice.expect(200, "PATCH", `/api/task-projects/${project.id}`, { archived: false });
    await alice.expect(204, "DELETE", `/api/task-projects/${project.id}`);
    expect((await alice.expect<Task>(200, "GET", `/api/tasks/${tasks[2]?.id}`)).projectId).toBeNull();
  });
});

describe("account deletion", () => {
  it("removes every task, project, zone and preference of the account, and only those", async () => {
    const api = await loadClientRecordsApi();
    const leaving = await signUpPractitioner(api, "Leaving");
    const client = await leaving.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Their Client" });
    const project = await leaving.expect<Project>(201, "POST", "/api/task-projects", { name: "Theirs" });
    const zone = (await leaving.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones")).items[0];
    await leaving.expect(201, "POST", "/api/tasks", { title: "About a client", contactId: client.id });
    await leaving.expect(201, "POST", "/api/tasks", { title: "Filed", projectId: project.id, zoneId: zone?.id });
    const aliceBefore = await systemRows(sql`select id from public.tasks where user_id = ${alice.id} order by id`);
    const sent = await leaving.send("POST", "/api/account/delete", { confirmation: DELETE_ACCOUNT_PHRASE });
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
    for (const table of ["tasks", "task_projects", "task_zones", "task_preferences"])
      expect(
        await systemRows(sql`select 1 from ${sql.raw(`public.${table}`)} where user_id = ${leaving.id}`),
        table,
      ).toEqual([]);
    expect(await systemRows(sql`select id from public.tasks where user_id = ${alice.id} order by id`)).toEqual(
      aliceBefore,
    );
  });
});
