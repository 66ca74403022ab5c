import { and, eq, sql } from "drizzle-orm";
import { habitEntryParams, putHabitEntryInput, type Habit, type HabitStatusValue } from "@/lib/contracts/habits";
import { addDays } from "@/lib/format/practitioner-day";
import { STRENGTH_HORIZON_DAYS } from "@/lib/habits/habit-score";
import { withUserDb, type DbExecutor } from "@/server/db";
import { habitEntries, habits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings, type PractitionerDaySettings } from "../profiles/day-settings";
import { habitById, summarizeHabits } from "./habit-summary";

export { habitEntryParams, putHabitEntryInput };

/** Today or up to a year back (what strength reads); a day still to come has no answer yet. */
function checkDay(day: string, settings: PractitionerDaySettings): void {
  if (day > settings.today)
    throw new AppError("validation_failed", "That day has not happened yet", {
      details: [{ path: "day", message: "Answer for today or an earlier day" }],
    });
  if (day < addDays(settings.today, -STRENGTH_HORIZON_DAYS))
    throw new AppError("validation_failed", "That day is more than a year ago", {
      details: [{ path: "day", message: "Answer for a day within the last year" }],
    });
}

async function ownHabit(tx: DbExecutor, userId: string, id: string): Promise<void> {
  const [habit] = await tx
    .select({ id: habits.id })
    .from(habits)
    .where(and(eq(habits.userId, userId), eq(habits.id, id)));
  if (!habit) throw AppError.notFound("Habit");
}

/** Sets a habit's answer for one day (yes, no or skip), replacing any earlier answer; returns the habit. */
export async function putHabitEntry(
  context: UserContext,
  input: { id: string; day: string; status: HabitStatusValue },
): Promise<Habit> {
  return withUserDb(context.userId, async (tx) => {
    const settings = await readDaySettings(tx, context.userId);
    checkDay(input.day, settings);
    await ownHabit(tx, context.userId, input.id);
    await tx
      .insert(habitEntries)
      .values({ userId: context.userId, habitId: input.id, day: input.day, status: input.status })
      .onConflictDoUpdate({
        target: [habitEntries.userId, habitEntries.habitId, habitEntries.day],
        set: { status: input.status, updatedAt: sql`now()` },
      });
    const [habit] = await summarizeHabits(tx, context.userId, settings, habitById(input.id));
    if (!habit) throw AppError.notFound("Habit");
    return habit;
  });
}

/** Clears a day's answer (back to unanswered); returns the habit. */
export async function clearHabitEntry(context: UserContext, input: { id: string; day: string }): Promise<Habit> {
  return withUserDb(context.userId, async (tx) => {
    const settings = await readDaySettings(tx, context.userId);
    checkDay(input.day, settings);
    await ownHabit(tx, context.userId, input.id);
    await tx
      .delete(habitEntries)
      .where(
        and(
          eq(habitEntries.userId, context.userId),
          eq(habitEntries.habitId, input.id),
          eq(habitEntries.day, input.day),
        ),
      );
    const [habit] = await summarizeHabits(tx, context.userId, settings, habitById(input.id));
    if (!habit) throw AppError.notFound("Habit");
    return habit;
  });
}
