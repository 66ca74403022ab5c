import { tzOffset } from "@date-fns/tz";
import { WEEKDAYS, type MinuteRange, type Weekday } from "@/lib/contracts/availability";

/**
 * Calendar arithmetic in a practitioner's zone, on epoch milliseconds. "Wall" values are the local
 * clock reading written as if it were UTC (`Date.UTC(y, m, d, h, min)`), so a day is plain arithmetic
 * and only the step from wall to instant needs the zone's offsets.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** Wider than any offset on Earth (−12:00 … +14:00), so a day's instants always fall inside. */
const REACH_MS = 15 * 60 * MINUTE_MS;

/** The zone's offset at an instant, in milliseconds. */
export function offsetAt(timeZone: string, instant: number): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  if (!Number.isFinite(minutes)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return minutes * MINUTE_MS;
}

/** The local calendar day (its midnight as a wall value) an instant falls on. */
export function wallDayOf(timeZone: string, instant: number): number {
  const wall = instant + offsetAt(timeZone, instant);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** `YYYY-MM-DD` of a wall day. */
export function dayKey(wallDay: number): string {
  return new Date(wallDay).toISOString().slice(0, 10);
}

/** Monday … Sunday of a wall day. */
export function weekdayOf(wallDay: number): Weekday {
  const sundayFirst = new Date(wallDay).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7] as Weekday;
}

/** A stretch of time during which the zone's offset does not change. */
interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

/** The first instant in (low, high] whose offset differs from the offset at `low`. */
function transitionBetween(timeZone: string, low: number, high: number): number {
  const before = offsetAt(timeZone, low);
  let lo = low;
  let hi = high;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  // Zones change offset on whole seconds; settle the last second exactly.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** How far apart the offset is sampled; zones never change offset twice within six hours. */
const PROBE_MS = 6 * 60 * MINUTE_MS;

/** The offset segments covering every instant that can belong to this wall day. */
function segmentsAround(timeZone: string, wallDay: number): OffsetSegment[] {
  const end = wallDay + DAY_MS + REACH_MS;
  const segments: OffsetSegment[] = [];
  let cursor = wallDay - REACH_MS;
  let offset = offsetAt(timeZone, cursor);
  for (let previous = cursor; previous < end;) {
    const probe = Math.min(previous + PROBE_MS, end);
    if (offsetAt(timeZone, probe) !== offset) {
      const transition = transitionBetween(timeZone, previous, probe);
      segments.push({ start: cursor, end: transition, offset });
      cursor = transition;
      offset = offsetAt(timeZone, transition);
    }
    previous = probe;
  }
  segments.push({ start: cursor, end, offset });
  return segments;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * The instants whose local clock on this day reads within `[range.start, range.end)`. Across a
 * spring-forward gap the missing hour simply is not there (the result is shorter than the range);
 * across a fall-back fold a range that covers the repeated hour holds both of its passes.
 */
export function rangeInstants(timeZone: string, wallDay: number, ranges: readonly MinuteRange[]): Interval[] {
  if (ranges.length === 0) return [];
  const segments = segmentsAround(timeZone, wallDay);
  const pieces: Interval[] = [];
  for (const range of ranges) {
    const wallStart = wallDay + range.start * MINUTE_MS;
    const wallEnd = wallDay + range.end * MINUTE_MS;
    for (const segment of segments) {
      const low = Math.max(wallStart, segment.start + segment.offset);
      const high = Math.min(wallEnd, segment.end + segment.offset);
      if (low < high) pieces.push({ start: low - segment.offset, end: high - segment.offset });
    }
  }
  return mergeIntervals(pieces);
}

/** Sorted, with overlapping or touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
