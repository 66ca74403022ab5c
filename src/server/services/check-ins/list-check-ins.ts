import { and, asc, eq, gte, lte } from "drizzle-orm";
import { checkInRangeQuery, type CheckInListResponse } from "@/lib/contracts/check-ins";
import { addDays, daysBetween } from "@/lib/format/practitioner-day";
import { withUserDb } from "@/server/db";
import { checkIns } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { checkInColumns, checkInOf } from "./check-in-row";

export { checkInRangeQuery };

/** The longest range one request reads. */
export const MAX_CHECK_IN_RANGE_DAYS = 366;

/** The practitioner's check-ins from `from` to `to` (both included; the last 30 days by default), by day. */
export async function listCheckIns(
  context: UserContext,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<CheckInListResponse> {
  return withUserDb(context.userId, async (tx) => {
    const { today } = await readDaySettings(tx, context.userId);
    const to = range.to ?? (range.from ? addDays(range.from, 29) : today);
    const from = range.from ?? addDays(to, -29);
    if (daysBetween(from, to) < 0)
      throw new AppError("validation_failed", "The range must end on or after the day it starts");
    if (daysBetween(from, to) >= MAX_CHECK_IN_RANGE_DAYS) {
      throw new AppError("validation_failed", `Ask for at most ${MAX_CHECK_IN_RANGE_DAYS} days at once`, {
        details: [{ path: "to", message: `At most ${MAX_CHECK_IN_RANGE_DAYS} days` }],
      });
    }
    const rows = await tx
      .select(checkInColumns)
      .from(checkIns)
      .where(and(eq(checkIns.userId, context.userId), gte(checkIns.day, from), lte(checkIns.day, to)))
      .orderBy(asc(checkIns.day), asc(checkIns.period));
    return { today, from, to, items: rows.map(checkInOf) };
  });
}
