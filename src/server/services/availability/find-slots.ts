import { slotsQuery, type SessionTypeTiming, type SlotsQuery, type SlotsResponse } from "@/lib/contracts/availability";
import { withUserDb, type DbExecutor } from "@/server/db";
import { AppError } from "@/server/errors";
import { bookedIntervals } from "../appointments/booked-intervals";
import type { UserContext } from "../contacts/context";
import { selectAvailability, selectOverrides } from "./availability-rows";
import { computeSlots, type BookedAppointment, type BusyInterval, type EngineSlot } from "./slot-engine";
import { DAY_MS, dayKey, wallDayOf } from "./zoned-days";

export { slotsQuery };

export interface BookableSlotsRequest {
  sessionType: SessionTypeTiming;
  from: Date;
  to: Date;
  /** The caller's clock, so a test (or a booking checked twice) sees one answer. */
  now: Date;
  stepMinutes?: number;
  /**
   * Active appointments (not cancelled) from the local day `from` falls on to the local day of `to`,
   * each with the buffers it was booked with: the daily limit counts whole days.
   */
  appointments?: readonly BookedAppointment[];
  /** Busy time from connected calendars. */
  busy?: readonly BusyInterval[];
}

/**
 * The practitioner's bookable slots: their stored week, overrides, limit and zone, run through the
 * slot engine with the appointments and busy time the caller passes. Runs in the caller's transaction,
 * so a booking can read appointments, compute slots and insert under one snapshot.
 */
export async function findBookableSlots(
  tx: DbExecutor,
  userId: string,
  request: BookableSlotsRequest,
): Promise<{ timeZone: string; slots: EngineSlot[] }> {
  const availability = await selectAvailability(tx, userId);
  const timeZone = availability.timeZone;
  if (!timeZone) throw new AppError("conflict", "Set your time zone in Settings → Profile first");
  // A day either side: the engine looks one local day past each end of the window.
  const overrides = await selectOverrides(tx, userId, {
    from: dayKey(wallDayOf(timeZone, request.from.getTime()) - DAY_MS),
    to: dayKey(wallDayOf(timeZone, request.to.getTime()) + DAY_MS),
  });
  const slots = computeSlots({
    sessionType: request.sessionType,
    timeZone,
    weeklyHours: availability.weeklyHours,
    overrides,
    dailyBookingLimit: availability.dailyBookingLimit,
    appointments: request.appointments ?? [],
    busy: request.busy ?? [],
    from: request.from,
    to: request.to,
    now: request.now,
    ...(request.stepMinutes === undefined ? {} : { stepMinutes: request.stepMinutes }),
  });
  return { timeZone, slots };
}

/**
 * `GET /api/availability/slots`: the signed-in practitioner's free slots for a session of the shape
 * asked for, clear of the sessions already booked (calendar busy time joins when calendar sync does).
 */
export async function listOwnSlots(context: UserContext, query: SlotsQuery, now: Date): Promise<SlotsResponse> {
  const { stepMinutes, from, to, ...sessionType } = query;
  const window = { from: new Date(from), to: new Date(to) };
  const result = await withUserDb(context.userId, async (tx) => {
    // Two days either side covers the whole local days the daily limit counts, in any zone.
    const appointments = await bookedIntervals(
      tx,
      context.userId,
      new Date(window.from.getTime() - 2 * DAY_MS),
      new Date(window.to.getTime() + 2 * DAY_MS),
    );
    return findBookableSlots(tx, context.userId, { sessionType, ...window, now, stepMinutes, appointments });
  });
  return {
    timeZone: result.timeZone,
    slots: result.slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() })),
  };
}
