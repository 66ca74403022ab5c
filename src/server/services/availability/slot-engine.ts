import {
  DEFAULT_SLOT_STEP_MINUTES,
  type MinuteRange,
  type SessionTypeTiming,
  type WeeklyHours,
} from "@/lib/contracts/availability";
import { DAY_MS, dayKey, mergeIntervals, rangeInstants, wallDayOf, weekdayOf, type Interval } from "./zoned-days";

/**
 * The slot engine: pure, no database, no clock. Every rule about days (which weekday, which override,
 * the daily limit, how far ahead) is read in the practitioner's zone; everything else is instants.
 *
 * Rules, all on half-open intervals `[start, end)`:
 * - a slot's session lies inside one working range of its local day (the override's ranges when the
 *   day has one, an empty override being a day off), read as local clock times, so a range across a
 *   daylight-saving change is as long as the clock says it is (7 or 9 hours for a 9:00–17:00 night
 *   shift on those nights);
 * - slots start at the range's start and every `stepMinutes` after it;
 * - the slot with its own buffers overlaps no existing appointment with that appointment's buffers,
 *   and no busy interval (buffers need not lie inside working hours);
 * - it starts no sooner than `now + minimumNoticeMinutes`, and on a local day no later than today
 *   plus `maximumDaysAhead`;
 * - a day holding `dailyBookingLimit` appointments (counted on the local day they start) offers none;
 * - it starts within `[from, to)`.
 */

const MINUTE_MS = 60_000;

export interface DateOverride {
  /** `YYYY-MM-DD` in the practitioner's zone. */
  date: string;
  /** Empty: a day off. */
  ranges: readonly MinuteRange[];
}

/** An appointment already booked: its session, and the buffers it was booked with. */
export interface BookedAppointment {
  start: Date;
  end: Date;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** Time taken elsewhere (e.g. a busy event in Google Calendar). */
export interface BusyInterval {
  start: Date;
  end: Date;
}

export interface SlotEngineInput {
  sessionType: SessionTypeTiming;
  /** IANA zone of the practitioner. */
  timeZone: string;
  weeklyHours: WeeklyHours;
  overrides: readonly DateOverride[];
  /** null: no limit. */
  dailyBookingLimit: number | null;
  /** Active appointments (not cancelled); include those on the window's first and last local days for the limit. */
  appointments: readonly BookedAppointment[];
  busy: readonly BusyInterval[];
  from: Date;
  to: Date;
  now: Date;
  stepMinutes?: number;
}

export interface EngineSlot {
  start: Date;
  end: Date;
}

/** The index of the first interval whose end is after `instant` (intervals sorted and disjoint). */
function firstEndingAfter(intervals: readonly Interval[], instant: number): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((intervals[middle] as Interval).end <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

function overlapsAny(blocked: readonly Interval[], start: number, end: number): boolean {
  const candidate = blocked[firstEndingAfter(blocked, start)];
  return candidate !== undefined && candidate.start < end;
}

/** Bookable slots, in order, for one session type. */
export function computeSlots(input: SlotEngineInput): EngineSlot[] {
  const { sessionType, timeZone } = input;
  const from = input.from.getTime();
  const to = input.to.getTime();
  const now = input.now.getTime();
  const step = (input.stepMinutes ?? DEFAULT_SLOT_STEP_MINUTES) * MINUTE_MS;
  if (!(step > 0) || !(to > from)) return [];
  const duration = sessionType.durationMinutes * MINUTE_MS;
  const before = sessionType.bufferBeforeMinutes * MINUTE_MS;
  const after = sessionType.bufferAfterMinutes * MINUTE_MS;
  const earliest = Math.max(from, now + sessionType.minimumNoticeMinutes * MINUTE_MS);
  const lastDay = wallDayOf(timeZone, now) + sessionType.maximumDaysAhead * DAY_MS;

  const blocked = mergeIntervals([
    ...input.appointments.map((appointment) => ({
      start: appointment.start.getTime() - appointment.bufferBeforeMinutes * MINUTE_MS,
      end: appointment.end.getTime() + appointment.bufferAfterMinutes * MINUTE_MS,
    })),
    ...input.busy.map((busy) => ({ start: busy.start.getTime(), end: busy.end.getTime() })),
  ]);
  const bookedPerDay = new Map<number, number>();
  if (input.dailyBookingLimit !== null)
    for (const appointment of input.appointments) {
      const day = wallDayOf(timeZone, appointment.start.getTime());
      bookedPerDay.set(day, (bookedPerDay.get(day) ?? 0) + 1);
    }
  const overrides = new Map(input.overrides.map((override) => [override.date, override.ranges]));

  const slots: EngineSlot[] = [];
  // One day either side: where a zone falls back across midnight, a later instant can read an earlier date.
  const finalDay = Math.min(wallDayOf(timeZone, to - 1) + DAY_MS, lastDay);
  for (let day = wallDayOf(timeZone, earliest) - DAY_MS; day <= finalDay; day += DAY_MS) {
    if (input.dailyBookingLimit !== null && (bookedPerDay.get(day) ?? 0) >= input.dailyBookingLimit) continue;
    const ranges = overrides.get(dayKey(day)) ?? input.weeklyHours[weekdayOf(day)];
    for (const working of rangeInstants(timeZone, day, ranges)) {
      for (let start = working.start; start + duration <= working.end; start += step) {
        if (start < earliest || start >= to) continue;
        if (overlapsAny(blocked, start - before, start + duration + after)) continue;
        slots.push({ start: new Date(start), end: new Date(start + duration) });
      }
    }
  }
  return slots;
}
