import { beforeAll, describe, expect, it } from "vitest";
import { taskListResponse, zoneListResponse, projectListResponse } from "@/lib/contracts/tasks";
import { getDatabase } from "@/server/db";
import { seedTasks } from "../../../scripts/seed/seed-tasks";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "../contacts/client-records-api";

let alice: Practitioner;

beforeAll(async () => {
  const api = await loadClientRecordsApi();
  alice = await signUpPractitioner(api, "Alice");
  await alice.expect(201, "POST", "/api/contacts", { displayName: "Seeded Client" });
});

describe("db:seed tasks", () => {
  it("adds zones once, projects and tasks the API serves in every view", async () => {
    const { sql: database } = await getDatabase();
    expect(await seedTasks(database, alice.id, 40)).toBe(40);
    expect(await seedTasks(database, alice.id, 10)).toBe(50);
    const zones = zoneListResponse.parse(await alice.expect(200, "GET", "/api/task-zones"));
    expect(zones.items.map((zone) => zone.name)).toEqual(["Clients", "Admin", "Marketing", "Self-care", "Learning"]);
    const projects = projectListResponse.parse(await alice.expect(200, "GET", "/api/task-projects"));
    expect(projects.items).toHaveLength(3);
    const all = taskListResponse.parse(await alice.expect(200, "GET", "/api/tasks?state=any"));
    expect(all.items).toHaveLength(50);
    expect(all.items.some((task) => task.contactName === "Seeded Client")).toBe(true);
    expect(all.items.filter((task) => task.recurrence).every((task) => task.seriesId === task.id)).toBe(true);
    for (const view of ["today", "upcoming", "inbox"])
      expect(
        taskListResponse.parse(await alice.expect(200, "GET", `/api/tasks?view=${view}`)).items.length,
      ).toBeGreaterThan(0);
  });
});
