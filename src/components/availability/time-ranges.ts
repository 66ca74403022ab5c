import { MINUTES_PER_DAY, minuteOfDayText, type MinuteRange } from "@/lib/contracts/availability";

/** A range as two `<input type="time">` values ("09:00"). */
export interface TimeRangeValues {
  start: string;
  end: string;
}

/** "09:30" → 570; "" or anything else → NaN, which the contract refuses with its own message. */
export function minutesOf(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return Number.NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : Number.NaN;
}

/** The form's times as the contract's minutes; an end of 00:00 means midnight at the end of the day. */
export function rangeFromTimes(values: TimeRangeValues): { start: number; end: number } {
  const end = minutesOf(values.end);
  return { start: minutesOf(values.start), end: end === 0 ? MINUTES_PER_DAY : end };
}

export function timesFromRange(range: MinuteRange): TimeRangeValues {
  return { start: minuteOfDayText(range.start), end: minuteOfDayText(range.end % MINUTES_PER_DAY) };
}

/** A sensible next range for a day: 9:00–17:00 on an empty day, else an hour after the last one ends. */
export function nextRange(ranges: readonly TimeRangeValues[]): TimeRangeValues {
  const last = ranges.at(-1);
  if (!last) return { start: "09:00", end: "17:00" };
  const lastEnd = rangeFromTimes(last).end;
  const start = Number.isNaN(lastEnd) ? 12 * 60 : Math.min(lastEnd + 60, MINUTES_PER_DAY - 60);
  return timesFromRange({ start, end: Math.min(start + 60, MINUTES_PER_DAY) });
}
