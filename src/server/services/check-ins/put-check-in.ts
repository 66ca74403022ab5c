import { sql } from "drizzle-orm";
import {
  checkInParams,
  putCheckInInput,
  type CheckIn,
  type CheckInPeriod,
  type PutCheckInInput,
} from "@/lib/contracts/check-ins";
import { withUserDb } from "@/server/db";
import { checkIns } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { checkInColumns, checkInOf } from "./check-in-row";

export { checkInParams, putCheckInInput };

/**
 * Fills in or replaces today's morning or evening check-in. Only today's: the day is sent so that a
 * form opened before the day turned over is refused (409) rather than written to the new day.
 */
export async function putCheckIn(
  context: UserContext,
  input: { day: string; period: CheckInPeriod; answers: PutCheckInInput },
): Promise<CheckIn> {
  return withUserDb(context.userId, async (tx) => {
    const { today } = await readDaySettings(tx, context.userId);
    if (input.day !== today) {
      throw new AppError(
        "conflict",
        input.day < today
          ? "That day is over: a check-in can be changed only on its own day"
          : "That day has not started yet: check in on the day itself",
        { details: [{ path: "day", message: `Today is ${today}` }] },
      );
    }
    const values = { ...input.answers, updatedAt: sql`now()` };
    const [row] = await tx
      .insert(checkIns)
      .values({ userId: context.userId, day: input.day, period: input.period, ...input.answers })
      .onConflictDoUpdate({ target: [checkIns.userId, checkIns.day, checkIns.period], set: values })
      .returning(checkInColumns);
    if (!row) throw new Error("a saved check-in could not be read back");
    return checkInOf(row);
  });
}
