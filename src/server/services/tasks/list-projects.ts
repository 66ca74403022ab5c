import { projectListQuery, type Project } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { selectProjects } from "./project-row";

export { projectListQuery as listProjectsInput };

export async function listProjects(
  context: UserContext,
  query: { archived: "true" | "false" | "any" },
): Promise<{ items: Project[] }> {
  return { items: await withUserDb(context.userId, (tx) => selectProjects(tx, context.userId, query)) };
}
