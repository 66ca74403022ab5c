import { sql } from "drizzle-orm";
import { bulkTaskInput, type BulkTaskInput } from "@/lib/contracts/tasks";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";
import { requestNextOccurrence } from "./next-occurrence-job";

export { bulkTaskInput };

/**
 * One action on the selected tasks, all or nothing: every id must be the caller's (else 404 and nothing
 * changes), and one refused row (a project that is not theirs) rolls the whole action back.
 */
export async function bulkUpdateTasks(context: UserContext, input: BulkTaskInput): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const { userId } = context;
  return refusalsAsAppErrors(() =>
    withUserDb(userId, async (tx) => {
      const owned = resultRows<{ id: string }>(
        await tx.execute(sql`select id from public.tasks where user_id = ${userId} and id in (${idList}) for update`),
      );
      if (owned.length !== ids.length) throw AppError.notFound("Task");
      const scope = sql`user_id = ${userId} and id in (${idList})`;
      switch (input.action) {
        case "complete": {
          // Only tasks not already done change (and only those ask for a next occurrence).
          const changed = resultRows<{ id: string; recurring: boolean }>(
            await tx.execute(sql`update public.tasks set status = 'done', completed_at = now(), updated_at = now()
                                  where ${scope} and status <> 'done'
                              returning id, recurrence_unit is not null as recurring`),
          );
          await requestNextOccurrence(
            tx,
            userId,
            changed.filter((row) => row.recurring).map((row) => row.id),
          );
          break;
        }
        case "delete":
          await tx.execute(sql`delete from public.tasks where ${scope}`);
          break;
        case "reschedule":
          await tx.execute(sql`update public.tasks set due_date = ${input.dueDate},
                                      due_time = case when ${input.dueDate}::date is null then null else due_time end,
                                      updated_at = now()
                                where ${scope}`);
          break;
        case "move": {
          const sets = [sql`updated_at = now()`];
          if (input.projectId !== undefined) sets.push(sql`project_id = ${input.projectId}`);
          if (input.zoneId !== undefined) sets.push(sql`zone_id = ${input.zoneId}`);
          if (input.status !== undefined) sets.push(sql`status = ${input.status}, completed_at = null`);
          await tx.execute(sql`update public.tasks set ${sql.join(sets, sql`, `)} where ${scope}`);
          break;
        }
      }
      return { updated: ids.length };
    }),
  );
}
