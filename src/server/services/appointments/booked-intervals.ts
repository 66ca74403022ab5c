import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { DbExecutor } from "@/server/db";
import { appointments } from "@/server/db/schema";

/** The statuses whose sessions hold their time: the ones the exclusion constraint covers. */
const HOLDS_TIME = ["scheduled", "confirmed", "completed"];

/** An appointment as the slot engine sees it: its time and the buffers it was booked with. */
export interface BookedInterval {
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** The practitioner's sessions that hold their time and start in [from, to), in the caller's transaction. */
export async function bookedIntervals(tx: DbExecutor, userId: string, from: Date, to: Date): Promise<BookedInterval[]> {
  return tx
    .select({
      start: appointments.startsAt,
      end: appointments.endsAt,
      bufferBeforeMinutes: appointments.bufferBeforeMinutes,
      bufferAfterMinutes: appointments.bufferAfterMinutes,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.userId, userId),
        inArray(appointments.status, HOLDS_TIME),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}
