import { and, eq, sql } from "drizzle-orm";
import { habitIdParams, updateHabitInput, type Habit, type UpdateHabitInput } from "@/lib/contracts/habits";
import { withUserDb } from "@/server/db";
import { habits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { habitById, scheduleColumns, summarizeHabits } from "./habit-summary";

export { updateHabitInput, habitIdParams as updateHabitParams };

/**
 * Renames, recolours, reschedules, archives or restores a habit; only the fields sent change. A new
 * schedule applies to the whole history (strength is recomputed from the answers, which are kept).
 */
export async function updateHabit(
  context: UserContext,
  input: { id: string; changes: UpdateHabitInput },
): Promise<Habit> {
  const { name, color, schedule, archived } = input.changes;
  const changes = {
    ...(name === undefined ? {} : { name }),
    ...(color === undefined ? {} : { color }),
    ...(schedule === undefined ? {} : scheduleColumns(schedule)),
    ...(archived === undefined ? {} : { archivedAt: archived ? sql`coalesce(${habits.archivedAt}, now())` : null }),
  };
  return withUserDb(context.userId, async (tx) => {
    if (Object.keys(changes).length > 0) {
      await tx
        .update(habits)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(and(eq(habits.userId, context.userId), eq(habits.id, input.id)));
    }
    const [habit] = await summarizeHabits(
      tx,
      context.userId,
      await readDaySettings(tx, context.userId),
      habitById(input.id),
    );
    if (!habit) throw AppError.notFound("Habit");
    return habit;
  });
}
