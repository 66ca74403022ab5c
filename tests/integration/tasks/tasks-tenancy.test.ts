import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
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
let bob: Practitioner;
let client: Contact;
let project: Project;
let zone: Zone;
let task: Task;
let repeating: Task;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  bob = await signUpPractitioner(api, "Bob");
  client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Alice's Client" });
  project = await alice.expect<Project>(201, "POST", "/api/task-projects", { name: "Alice's project" });
  zone = (await alice.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones")).items[0] as Zone;
  task = await alice.expect<Task>(201, "POST", "/api/tasks", {
    title: "Alice's task",
    contactId: client.id,
    projectId: project.id,
    zoneId: zone.id,
    dueDate: "2030-01-01",
  });
  repeating = await alice.expect<Task>(201, "POST", "/api/tasks", {
    title: "Alice's repeating task",
    dueDate: "2030-01-01",
    recurrence: { unit: "day", interval: 1, from: "schedule" },
  });
});

async function aliceRows() {
  return {
    tasks: await systemRows(sql`select * from public.tasks where user_id = ${alice.id} order by id`),
    projects: await systemRows(sql`select * from public.task_projects where user_id = ${alice.id} order by id`),
    zones: await systemRows(sql`select * from public.task_zones where user_id = ${alice.id} order by id`),
    jobs: await systemRows(sql`select id from app_private.jobs where user_id = ${alice.id} order by id`),
  };
}

describe("tasks, projects and zones of one practitioner are invisible to another", () => {
  it("every endpoint answers 404 to Bob for Alice's ids, and nothing of Alice's changes", async () => {
    const before = await aliceRows();
    const attempts: [method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown][] = [
      ...[task.id, repeating.id].flatMap((id): ["GET" | "POST" | "PATCH" | "DELETE", string, unknown?][] => [
        ["GET", `/api/tasks/${id}`],
        ["PATCH", `/api/tasks/${id}`, { title: "Bob was here" }],
        ["PATCH", `/api/tasks/${id}`, { status: "done" }],
        ["DELETE", `/api/tasks/${id}`],
        ["POST", `/api/tasks/${id}/complete`],
        ["POST", `/api/tasks/${id}/skip`],
      ]),
      ["POST", "/api/tasks/bulk", { action: "complete", ids: [task.id] }],
      ["POST", "/api/tasks/bulk", { action: "delete", ids: [task.id, repeating.id] }],
      ["POST", "/api/tasks/bulk", { action: "reschedule", ids: [task.id], dueDate: "2031-01-01" }],
      ["POST", "/api/tasks/bulk", { action: "move", ids: [task.id], status: "backlog" }],
      ["PATCH", `/api/task-projects/${project.id}`, { name: "Bob's now" }],
      ["PATCH", `/api/task-projects/${project.id}`, { archived: true }],
      ["DELETE", `/api/task-projects/${project.id}`],
      ["PATCH", `/api/task-zones/${zone.id}`, { name: "Bob's zone" }],
      ["DELETE", `/api/task-zones/${zone.id}`],
      // Bob's own task may not point at Alice's client, project or zone.
      ["POST", "/api/tasks", { title: "Link", contactId: client.id }],
      ["POST", "/api/tasks", { title: "Link", projectId: project.id }],
      ["POST", "/api/tasks", { title: "Link", zoneId: zone.id }],
    ];
    for (const [method, url, body] of attempts) {
      const sent = await bob.send(method, url, body);
      expect(sent.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(404);
      await expectError(sent.response, 404);
    }
    const own = await bob.expect<Task>(201, "POST", "/api/tasks", { title: "Bob's" });
    for (const link of [{ contactId: client.id }, { projectId: project.id }, { zoneId: zone.id }])
      await expectError((await bob.send("PATCH", `/api/tasks/${own.id}`, link)).response, 404);
    // A bulk action mixing Bob's task with Alice's changes neither.
    await expectError(
      (await bob.send("POST", "/api/tasks/bulk", { action: "complete", ids: [own.id, task.id] })).response,
      404,
    );
    expect((await bob.expect<Task>(200, "GET", `/api/tasks/${own.id}`)).status).toBe("todo");
    expect(await aliceRows()).toEqual(before);
  });

  it("lists show Bob only his own", async () => {
    for (const url of [
      "/api/tasks",
      "/api/tasks?view=today",
      "/api/tasks?view=inbox",
      `/api/tasks?contactId=${client.id}`,
      `/api/tasks?projectId=${project.id}&state=any`,
      `/api/tasks?zoneId=${zone.id}`,
    ]) {
      const list = await bob.expect<TaskListResponse>(200, "GET", url);
      expect(
        list.items.filter((item) => item.title.startsWith("Alice")),
        url,
      ).toEqual([]);
    }
    const projects = await bob.expect<{ items: Project[] }>(200, "GET", "/api/task-projects?archived=any");
    expect(projects.items).toEqual([]);
    const zones = await bob.expect<{ items: Zone[] }>(200, "GET", "/api/task-zones");
    expect(zones.items.map((item) => item.id)).not.toContain(zone.id);
  });

  it("directly under row level security Bob reads, changes and adds nothing of Alice's", async () => {
    const before = await aliceRows();
    for (const table of ["tasks", "task_projects", "task_zones", "task_preferences"]) {
      expect(await bob.sql(sql`select * from ${sql.raw(`public.${table}`)} where user_id = ${alice.id}`)).toEqual([]);
    }
    expect(await bob.sql(sql`update public.tasks set title = 'x' where id = ${task.id} returning id`)).toEqual([]);
    expect(await bob.sql(sql`delete from public.tasks where id = ${task.id} returning id`)).toEqual([]);
    expect(
      await bob.sql(sql`update public.task_projects set name = 'x' where id = ${project.id} returning id`),
    ).toEqual([]);
    expect(await bob.sql(sql`delete from public.task_zones where id = ${zone.id} returning id`)).toEqual([]);
    await expect(
      bob.sql(sql`insert into public.tasks (user_id, title) values (${alice.id}, 'planted')`),
    ).rejects.toThrow();
    await expect(
      bob.sql(sql`insert into public.task_zones (user_id, name, color) values (${alice.id}, 'planted', '#000000')`),
    ).rejects.toThrow();
    await expect(
      bob.sql(sql`insert into public.task_projects (user_id, name) values (${alice.id}, 'planted')`),
    ).rejects.toThrow();
    // Bob's own row may not reference Alice's client, project or zone, even written directly.
    await expect(
      bob.sql(sql`insert into public.tasks (user_id, title, contact_id) values (${bob.id}, 'x', ${client.id})`),
    ).rejects.toThrow();
    await expect(
      bob.sql(sql`insert into public.tasks (user_id, title, project_id) values (${bob.id}, 'x', ${project.id})`),
    ).rejects.toThrow();
    expect(await aliceRows()).toEqual(before);
    // Alice herself sees hers, so the empty answers above are isolation, not empty tables.
    expect(await alice.sql(sql`select id from public.tasks`)).toHaveLength(2);
    expect(await alice.sql(sql`select id from public.task_projects`)).toHaveLength(1);
  });
});

describe("hostile input", () => {
  it("is refused with the one error body, and writes nothing", async () => {
    const before = await aliceRows();
    const bodies: unknown[] = [
      {},
      { title: "" },
      { title: "   " },
      { title: "x".repeat(301) },
      { title: "Nul\u0000" },
      { title: "Lone \ud800" },
      { title: "ok", description: "x".repeat(5001) },
      { title: "ok", status: "archived" },
      { title: "ok", priority: 0 },
      { title: "ok", priority: 5 },
      { title: "ok", priority: 1.5 },
      { title: "ok", dueDate: "2026-02-30" },
      { title: "ok", dueDate: "tomorrow" },
      { title: "ok", dueDate: "2026-12-07", dueTime: "25:00" },
      { title: "ok", dueDate: "2026-12-07", dueTime: "3pm" },
      { title: "ok", contactId: "not-a-uuid" },
      { title: "ok", recurrence: { unit: "day", interval: 1, from: "schedule" } },
      { title: "ok", dueDate: "2026-12-07", recurrence: { unit: "fortnight", interval: 1, from: "schedule" } },
      { title: "ok", dueDate: "2026-12-07", recurrence: { unit: "day", interval: 0, from: "schedule" } },
      { title: "ok", dueDate: "2026-12-07", recurrence: { unit: "day", interval: 1, from: "schedule", weekdays: [1] } },
      {
        title: "ok",
        dueDate: "2026-12-07",
        recurrence: { unit: "week", interval: 1, from: "schedule", weekdays: [8] },
      },
      { title: "ok", userId: bob.id },
      { title: "ok", id: task.id },
      { title: "ok", completedAt: "2026-01-01T00:00:00Z" },
      [],
      "plain text",
      null,
    ];
    for (const body of bodies) {
      const sent = await alice.send("POST", "/api/tasks", body);
      expect([400, 422], JSON.stringify(body)).toContain(sent.status);
      await expectError(sent.response, sent.status);
    }
    for (const url of [
      "/api/tasks?view=yesterday",
      "/api/tasks?projectId=1",
      "/api/tasks?days=1000",
      "/api/tasks?priority=9",
      "/api/tasks?sort=random",
      "/api/tasks?extra=1",
      "/api/tasks/not-an-id",
      "/api/task-projects?archived=maybe",
    ])
      await expectError((await alice.send("GET", url)).response, 422);
    for (const body of [
      { action: "complete", ids: [] },
      { action: "complete", ids: Array.from({ length: 201 }, () => task.id) },
      { action: "complete", ids: ["x"] },
      { action: "explode", ids: [task.id] },
      { action: "move", ids: [task.id] },
      { action: "move", ids: [task.id], status: "done" },
      { action: "reschedule", ids: [task.id] },
      { action: "reschedule", ids: [task.id], dueDate: "2026-13-01" },
    ])
      await expectError((await alice.send("POST", "/api/tasks/bulk", body)).response, 422);
    for (const body of [{ name: "" }, { name: "x".repeat(41) }, { name: "ok", color: "red" }, { name: "ok", x: 1 }])
      await expectError((await alice.send("POST", "/api/task-zones", body)).response, 422);
    for (const body of [{ name: "" }, { name: "ok", status: "done" }, { name: "ok", targetDate: "soon" }])
      await expectError((await alice.send("POST", "/api/task-projects", body)).response, 422);
    await expectError((await alice.send("POST", `/api/tasks/${task.id}/skip`)).response, 422);
    expect(await aliceRows()).toEqual(before);
  });
});

describe("bulk actions", () => {
  it("complete, move and reschedule every selected task", async () => {
    const made = await Promise.all(
      ["B1", "B2", "B3"].map((title) => alice.expect<Task>(201, "POST", "/api/tasks", { title })),
    );
    const ids = made.map((item) => item.id);
    expect(
      await alice.expect(200, "POST", "/api/tasks/bulk", { action: "reschedule", ids, dueDate: "2031-05-01" }),
    ).toEqual({
      updated: 3,
    });
    await alice.expect(200, "POST", "/api/tasks/bulk", { action: "move", ids, projectId: project.id, zoneId: zone.id });
    for (const id of ids)
      expect(await alice.expect<Task>(200, "GET", `/api/tasks/${id}`)).toMatchObject({
        dueDate: "2031-05-01",
        projectId: project.id,
        zoneId: zone.id,
      });
    await alice.expect(200, "POST", "/api/tasks/bulk", { action: "complete", ids });
    for (const id of ids) expect((await alice.expect<Task>(200, "GET", `/api/tasks/${id}`)).status).toBe("done");
    await alice.expect(200, "POST", "/api/tasks/bulk", { action: "delete", ids });
    await expectError((await alice.send("GET", `/api/tasks/${ids[0]}`)).response, 404);
  });

  it("change nothing when one task cannot take the change (all or nothing)", async () => {
    const plain = await alice.expect<Task>(201, "POST", "/api/tasks", { title: "Plain", dueDate: "2030-02-02" });
    const before = await aliceRows();
    // The repeating task needs a due day: clearing it is refused, so the plain task keeps its day too.
    const refused = await alice.send("POST", "/api/tasks/bulk", {
      action: "reschedule",
      ids: [plain.id, repeating.id],
      dueDate: null,
    });
    await expectError(refused.response, 422);
    // An id that is not the caller's (here: unknown) makes the whole action a 404.
    await expectError(
      (
        await alice.send("POST", "/api/tasks/bulk", {
          action: "complete",
          ids: [plain.id, "00000000-0000-4000-8000-000000000000"],
        })
      ).response,
      404,
    );
    expect(await aliceRows()).toEqual(before);
  });
});
