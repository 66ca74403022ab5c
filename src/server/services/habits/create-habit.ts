import { eq } from "drizzle-orm";
import { createHabitInput, type CreateHabitInput, type Habit } from "@/lib/contracts/habits";
import { nextTagColors } from "@/lib/tag-colors";
import { withUserDb } from "@/server/db";
import { habits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { habitById, scheduleColumns, summarizeHabits } from "./habit-summary";

export { createHabitInput };

/** At most this many habits (archived included) per practitioner: a wellbeing list, not a task list. */
export const MAX_HABITS = 100;

/** Adds a habit; without a colour it gets the preset the practitioner's habits use least. */
export async function createHabit(context: UserContext, input: CreateHabitInput): Promise<Habit> {
  return withUserDb(context.userId, async (tx) => {
    const existing = await tx.select({ color: habits.color }).from(habits).where(eq(habits.userId, context.userId));
    if (existing.length >= MAX_HABITS) {
      throw new AppError("conflict", `You can keep at most ${MAX_HABITS} habits; delete one you no longer need`);
    }
    const color = input.color ?? nextTagColors(existing.map((row) => row.color))[0] ?? "#64748b";
    const [created] = await tx
      .insert(habits)
      .values({ userId: context.userId, name: input.name, color, ...scheduleColumns(input.schedule) })
      .returning({ id: habits.id });
    if (!created) throw new Error("a created habit could not be read back");
    const [habit] = await summarizeHabits(
      tx,
      context.userId,
      await readDaySettings(tx, context.userId),
      habitById(created.id),
    );
    if (!habit) throw new Error("a created habit could not be read back");
    return habit;
  });
}
