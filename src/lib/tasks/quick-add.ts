import type { Recurrence } from "@/lib/contracts/tasks";
import { addDays, addMonths, daysInMonth, isoWeekday, startOfWeek } from "./calendar-days";
import { firstOccurrenceFrom } from "./recurrence";

/**
 * The quick-add line: "Call Sofia tomorrow 3pm #admin !high" → title "Call Sofia", due tomorrow at 15:00,
 * zone Admin, priority 1. English words only. Days are the practitioner's calendar days: the caller
 * passes their today (in their time zone). Numeric dates such as 03/04 or 03.04.2027 are refused (they
 * read differently in different countries) and stay in the title with a warning; so do dates that do not
 * exist (31 february) and # names that match no zone or project.
 */

export interface QuickAddContext {
  /** The practitioner's today, `YYYY-MM-DD`. */
  today: string;
  weekStart?: "monday" | "sunday";
  zones?: readonly { id: string; name: string }[];
  projects?: readonly { id: string; name: string }[];
}

export type UnderstoodKind = "date" | "time" | "zone" | "project" | "priority" | "recurrence";

export interface QuickAddResult {
  title: string;
  dueDate: string | null;
  dueTime: string | null;
  priority: number | null;
  zoneId: string | null;
  projectId: string | null;
  recurrence: Recurrence | null;
  /** What was read out of the line, in order, for the preview ("tomorrow" → date 2026-12-08). */
  understood: { kind: UnderstoodKind; text: string }[];
  warnings: string[];
}

const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
}; // prettier-ignore
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
}; // prettier-ignore
const PRIORITIES: Record<string, number> = {
  p1: 1, urgent: 1, high: 1, p2: 2, medium: 2, med: 2, p3: 3, low: 3, p4: 4, none: 4,
}; // prettier-ignore
const UNITS: Record<string, Recurrence["unit"]> = {
  day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month", year: "year", years: "year",
}; // prettier-ignore
const ADVERBS: Record<string, Recurrence["unit"]> = { daily: "day", weekly: "week", monthly: "month", yearly: "year" };
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

interface Token {
  text: string;
  word: string;
}

type Match = { length: number; apply: (result: QuickAddResult) => void; kind: UnderstoodKind } | null;

const normal = (text: string) => text.toLowerCase().replace(/[.,;]+$/, "");
const squash = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const pad = (value: number) => String(value).padStart(2, "0");

function count(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** The next listed weekday on or after today ("monday" said on a Monday means today). */
function comingWeekday(today: string, weekday: number): string {
  return addDays(today, (weekday - isoWeekday(today) + 7) % 7);
}

function monthDay(context: QuickAddContext, month: number, day: number, year: number | null): string | null {
  const candidateYear = year ?? Number(context.today.slice(0, 4));
  if (day < 1 || day > daysInMonth(candidateYear, month)) {
    // 29 february without a year: the next leap year's.
    if (year === null && month === 2 && day === 29) {
      for (let next = candidateYear + 1; next < candidateYear + 8; next += 1)
        if (daysInMonth(next, 2) === 29) {
          const leap = `${next}-02-29`;
          if (leap >= context.today) return leap;
        }
    }
    return null;
  }
  const date = `${String(candidateYear).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  if (year === null && date < context.today) return monthDay(context, month, day, candidateYear + 1);
  return date;
}

function parseTime(words: string[]): { length: number; time: string } | null {
  const [first = "", second] = words;
  let match = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(first);
  let length = 1;
  if (!match && second !== undefined && /^(am|pm)$/.test(second)) {
    match = /^(\d{1,2})(?::(\d{2}))?()$/.exec(first);
    if (match) match = [match[0], match[1] ?? "", match[2] ?? "", second] as unknown as RegExpExecArray;
    length = 2;
  }
  if (match) {
    const hour = Number(match[1]);
    const minute = Number(match[2] || 0);
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const hour24 = (hour % 12) + (match[3] === "pm" ? 12 : 0);
    return { length, time: `${pad(hour24)}:${pad(minute)}` };
  }
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(first);
  if (clock) return { length: 1, time: `${pad(Number(clock[1]))}:${clock[2]}` };
  if (first === "noon") return { length: 1, time: "12:00" };
  if (first === "midnight") return { length: 1, time: "00:00" };
  return null;
}

function weekdayList(words: string[]): { length: number; weekdays: number[] } | null {
  const weekdays: number[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? "";
    if (word === "weekday" || word === "weekdays") weekdays.push(1, 2, 3, 4, 5);
    else if (word === "weekend" || word === "weekends") weekdays.push(6, 7);
    else {
      const weekday = WEEKDAYS[word.replace(/s$/, "")] ?? WEEKDAYS[word];
      if (weekday === undefined) break;
      weekdays.push(weekday);
    }
    index += 1;
    if (words[index] === "and" && index + 1 < words.length && isWeekdayWord(words[index + 1] ?? "")) index += 1;
  }
  return weekdays.length ? { length: index, weekdays: [...new Set(weekdays)].sort((a, b) => a - b) } : null;
}

function isWeekdayWord(word: string): boolean {
  return /^weekdays?$|^weekends?$/.test(word) || WEEKDAYS[word.replace(/s$/, "")] !== undefined;
}

function parseRecurrence(words: string[]): { length: number; rule: Recurrence } | null {
  const [first = "", ...rest] = words;
  const adverb = ADVERBS[first];
  if (adverb) return { length: 1, rule: { unit: adverb, interval: 1, weekdays: null, from: "schedule" } };
  if (first !== "every" && first !== "every!") return null;
  const from = first === "every!" ? "completion" : "schedule";
  const days = weekdayList(rest);
  if (days) return { length: 1 + days.length, rule: { unit: "week", interval: 1, weekdays: days.weekdays, from } };
  const interval = count(rest[0]);
  const unitWord = interval === null ? rest[0] : rest[1];
  const unit = unitWord === undefined ? undefined : UNITS[unitWord];
  if (!unit || (interval !== null && interval < 1) || (interval ?? 1) > 365) return null;
  if (interval === null && unitWord?.endsWith("s")) return null;
  return { length: interval === null ? 2 : 3, rule: { unit, interval: interval ?? 1, weekdays: null, from } };
}

function parseDate(words: string[], context: QuickAddContext): { length: number; date: string } | "invalid" | null {
  const [first = "", second, third] = words;
  const { today } = context;
  if (first === "today" || first === "tonight") return { length: 1, date: today };
  if (first === "tomorrow" || first === "tmrw") return { length: 1, date: addDays(today, 1) };
  if (first === "next" && second === "week")
    return { length: 2, date: addDays(startOfWeek(today, context.weekStart ?? "monday"), 7) };
  if (first === "next" && second === "month") return { length: 2, date: addMonths(`${today.slice(0, 7)}-01`, 1) };
  if (first === "next" && second !== undefined && WEEKDAYS[second] !== undefined) {
    const monday = addDays(startOfWeek(today, "monday"), 7);
    return { length: 2, date: addDays(monday, (WEEKDAYS[second] ?? 1) - 1) };
  }
  if (first === "in" && second !== undefined) {
    const amount = count(second);
    const unit = third === undefined ? undefined : UNITS[third];
    if (amount !== null && unit) {
      const date =
        unit === "day"
          ? addDays(today, amount)
          : unit === "week"
            ? addDays(today, 7 * amount)
            : addMonths(today, unit === "month" ? amount : 12 * amount);
      return { length: 3, date };
    }
  }
  const weekday = WEEKDAYS[first];
  if (weekday !== undefined) return { length: 1, date: comingWeekday(today, weekday) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first);
  if (iso) {
    const date = monthDay(context, Number(iso[2]), Number(iso[3]), Number(iso[1]));
    return date && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 ? { length: 1, date } : "invalid";
  }
  // "24 dec", "24th december 2027", "dec 24", "december 24th 2027"
  const ordinal = (word: string | undefined) => (word && /^\d{1,2}(st|nd|rd|th)?$/.test(word) ? parseInt(word) : null);
  const year = (word: string | undefined) => (word && /^\d{4}$/.test(word) ? Number(word) : null);
  const dayFirst = ordinal(first);
  const monthAfter = second === undefined ? undefined : MONTHS[second];
  if (dayFirst !== null && monthAfter !== undefined) {
    const withYear = year(third);
    const date = monthDay(context, monthAfter, dayFirst, withYear);
    return date ? { length: withYear === null ? 2 : 3, date } : "invalid";
  }
  // "may" and "mar" alone are words; as months they need a day after them.
  const monthFirst = MONTHS[first];
  const dayAfter = ordinal(second);
  if (monthFirst !== undefined && dayAfter !== null) {
    const withYear = year(third);
    const date = monthDay(context, monthFirst, dayAfter, withYear);
    return date ? { length: withYear === null ? 2 : 3, date } : "invalid";
  }
  return null;
}

const NUMERIC_DATE = /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\.?$/;

function matchAt(tokens: Token[], index: number, context: QuickAddContext, result: QuickAddResult): Match {
  const words = tokens.slice(index, index + 5).map((token) => token.word);
  const raw = tokens[index]?.text ?? "";
  const [first = ""] = words;

  if (/^#[\p{L}\p{N}_-]+$/u.test(raw)) {
    const name = squash(raw.slice(1));
    const zone = context.zones?.find((candidate) => squash(candidate.name) === name);
    if (zone) return { length: 1, kind: "zone", apply: (r) => void (r.zoneId = zone.id) };
    const project = context.projects?.find((candidate) => squash(candidate.name) === name);
    if (project) return { length: 1, kind: "project", apply: (r) => void (r.projectId = project.id) };
    result.warnings.push(`No zone or project is called “${raw.slice(1)}”; it stays in the title.`);
    return null;
  }
  const priority = /^!(\w+)$/.exec(first);
  if (priority && PRIORITIES[priority[1] ?? ""] !== undefined)
    return { length: 1, kind: "priority", apply: (r) => void (r.priority = PRIORITIES[priority[1] ?? ""] ?? 4) };

  const recurrence = parseRecurrence(words);
  if (recurrence)
    return { length: recurrence.length, kind: "recurrence", apply: (r) => void (r.recurrence = recurrence.rule) };

  const time = first === "at" ? parseTime(words.slice(1)) : parseTime(words);
  if (time) {
    const length = time.length + (first === "at" ? 1 : 0);
    return { length, kind: "time", apply: (r) => void (r.dueTime = time.time) };
  }

  const on = first === "on" || first === "by" ? 1 : 0;
  const date = parseDate(words.slice(on), context);
  if (date === "invalid") {
    result.warnings.push(
      `“${tokens
        .slice(index, index + 3)
        .map((token) => token.text)
        .join(" ")}” is not a date that exists.`,
    );
    return null;
  }
  if (date) return { length: date.length + on, kind: "date", apply: (r) => void (r.dueDate = date.date) };

  if (NUMERIC_DATE.test(first) && !/^\d{4}$/.test(first))
    result.warnings.push(
      `“${raw}” could be read as different dates in different countries; write it like 3 apr or 2027-04-03.`,
    );
  return null;
}

export function parseQuickAdd(line: string, context: QuickAddContext): QuickAddResult {
  const result: QuickAddResult = {
    title: "",
    dueDate: null,
    dueTime: null,
    priority: null,
    zoneId: null,
    projectId: null,
    recurrence: null,
    understood: [],
    warnings: [],
  };
  const tokens: Token[] = line
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => ({ text, word: normal(text) }));
  const kept: string[] = [];
  const seen = new Set<UnderstoodKind>();
  for (let index = 0; index < tokens.length;) {
    const match = matchAt(tokens, index, context, result);
    // A second date, time, priority… in one line is more likely part of the title ("Plan today's talk").
    if (match && !seen.has(match.kind)) {
      match.apply(result);
      seen.add(match.kind);
      result.understood.push({
        kind: match.kind,
        text: tokens
          .slice(index, index + match.length)
          .map((token) => token.text)
          .join(" "),
      });
      index += match.length;
    } else {
      kept.push(tokens[index]?.text ?? "");
      index += 1;
    }
  }
  result.title = kept.join(" ").trim();
  if (result.recurrence && result.dueDate === null)
    result.dueDate = firstOccurrenceFrom(result.recurrence, context.today);
  if (result.dueTime !== null && result.dueDate === null) result.dueDate = context.today;
  return result;
}
