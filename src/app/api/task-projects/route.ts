import { defineRoute } from "@/server/http/route";
import { createProject, createProjectInput, listProjects, listProjectsInput } from "@/server/services/tasks";

export const GET = defineRoute({
  auth: "required",
  query: listProjectsInput,
  handler: async ({ user, query }) => listProjects({ userId: user.id }, query),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: createProjectInput,
  successStatus: 201,
  handler: async ({ user, body }) => createProject({ userId: user.id }, body),
});
