import { and, eq, gte, isNull, lt, or } from "drizzle-orm";
import { pauseHabitsInput, type HabitPause, type PauseHabitsInput } from "@/lib/contracts/habits";
import { addDays } from "@/lib/format/practitioner-day";
import { withUserDb, type DbTransaction } from "@/server/db";
import { habitPauses } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { currentPause, selectPauses } from "./habit-summary";

export { pauseHabitsInput };

/**
 * Ends the pause in force today at yesterday and drops any planned ones: the days already paused stay
 * paused (history is kept), the rest are ordinary days again.
 */
async function endLivePauses(tx: DbTransaction, userId: string, today: string): Promise<void> {
  await tx.delete(habitPauses).where(and(eq(habitPauses.userId, userId), gte(habitPauses.pausedFrom, today)));
  await tx
    .update(habitPauses)
    .set({ pausedUntil: addDays(today, -1) })
    .where(
      and(
        eq(habitPauses.userId, userId),
        lt(habitPauses.pausedFrom, today),
        or(isNull(habitPauses.pausedUntil), gte(habitPauses.pausedUntil, today)),
      ),
    );
}

/** `PUT /api/habits/pause`: pauses every habit from a day (today by default) until a day or until resumed. */
export async function pauseHabits(
  context: UserContext,
  input: PauseHabitsInput,
): Promise<{ pause: HabitPause | null }> {
  return withUserDb(context.userId, async (tx) => {
    const { today } = await readDaySettings(tx, context.userId);
    const from = input.from ?? today;
    if (from < today) {
      throw new AppError("validation_failed", "A pause cannot start before today", {
        details: [{ path: "from", message: "Start the pause today or later" }],
      });
    }
    const until = input.until ?? null;
    if (until !== null && until < from) {
      throw new AppError("validation_failed", "The pause must end on or after the day it starts", {
        details: [{ path: "until", message: "End the pause on or after the day it starts" }],
      });
    }
    await endLivePauses(tx, context.userId, today);
    await tx.insert(habitPauses).values({ userId: context.userId, pausedFrom: from, pausedUntil: until });
    return { pause: currentPause(await selectPauses(tx, context.userId), today) };
  });
}

/** `DELETE /api/habits/pause`: every habit counts again from today. */
export async function resumeHabits(context: UserContext): Promise<{ pause: HabitPause | null }> {
  return withUserDb(context.userId, async (tx) => {
    const { today } = await readDaySettings(tx, context.userId);
    await endLivePauses(tx, context.userId, today);
    return { pause: currentPause(await selectPauses(tx, context.userId), today) };
  });
}
