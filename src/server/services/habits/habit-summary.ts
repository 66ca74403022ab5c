import { and, asc, eq, gte, inArray, isNull, type SQL } from "drizzle-orm";
import type { Habit, HabitPause, HabitScheduleInput } from "@/lib/contracts/habits";
import { addDays, practitionerDay, type PractitionerDay } from "@/lib/format/practitioner-day";
import {
  currentStreak,
  habitStrength,
  isDueOn,
  STRENGTH_HORIZON_DAYS,
  type HabitHistory,
  type HabitStatus,
} from "@/lib/habits/habit-score";
import type { DbExecutor } from "@/server/db";
import { habitEntries, habitPauses, habits } from "@/server/db/schema";
import type { PractitionerDaySettings } from "../profiles/day-settings";

/** The heat-map's span: 12 weeks. */
export const RECENT_DAYS = 84;

type HabitRow = typeof habits.$inferSelect;
interface PauseRow {
  pausedFrom: string;
  pausedUntil: string | null;
}

export function scheduleOf(row: Pick<HabitRow, "scheduleKind" | "weekdays" | "timesPerWeek">): HabitScheduleInput {
  if (row.scheduleKind === "weekdays") {
    const mask = row.weekdays ?? 0;
    return { kind: "weekdays", weekdays: [0, 1, 2, 3, 4, 5, 6].filter((day) => mask & (1 << day)) };
  }
  if (row.scheduleKind === "times_per_week") return { kind: "times_per_week", timesPerWeek: row.timesPerWeek ?? 1 };
  return { kind: "daily" };
}

/** The columns a schedule is stored in. */
export function scheduleColumns(schedule: HabitScheduleInput) {
  return {
    scheduleKind: schedule.kind,
    weekdays: schedule.kind === "weekdays" ? schedule.weekdays.reduce((mask, day) => mask | (1 << day), 0) : null,
    timesPerWeek: schedule.kind === "times_per_week" ? schedule.timesPerWeek : null,
  };
}

export function pausedOn(pauses: readonly PauseRow[]) {
  return (day: PractitionerDay) =>
    pauses.some((pause) => pause.pausedFrom <= day && (pause.pausedUntil === null || day <= pause.pausedUntil));
}

/** The pause in force today, else the next one planned. */
export function currentPause(pauses: readonly PauseRow[], today: PractitionerDay): HabitPause | null {
  const live = pauses
    .filter((pause) => pause.pausedUntil === null || pause.pausedUntil >= today)
    .sort((a, b) => a.pausedFrom.localeCompare(b.pausedFrom));
  const pause = live[0];
  return pause ? { pausedFrom: pause.pausedFrom, pausedUntil: pause.pausedUntil } : null;
}

export async function selectPauses(tx: DbExecutor, userId: string): Promise<PauseRow[]> {
  return tx
    .select({ pausedFrom: habitPauses.pausedFrom, pausedUntil: habitPauses.pausedUntil })
    .from(habitPauses)
    .where(eq(habitPauses.userId, userId));
}

/**
 * The practitioner's habits with their streak, strength and last 12 weeks; `where` narrows them (one id,
 * or the unarchived ones). Entries are read back only as far as strength looks (a year).
 */
export async function summarizeHabits(
  tx: DbExecutor,
  userId: string,
  settings: PractitionerDaySettings,
  where?: SQL,
): Promise<Habit[]> {
  const rows = await tx
    .select()
    .from(habits)
    .where(and(eq(habits.userId, userId), where))
    .orderBy(asc(habits.createdAt), asc(habits.id));
  if (rows.length === 0) return [];
  const since = addDays(settings.today, -STRENGTH_HORIZON_DAYS);
  const [entries, pauses] = await Promise.all([
    tx
      .select({ habitId: habitEntries.habitId, day: habitEntries.day, status: habitEntries.status })
      .from(habitEntries)
      .where(
        and(
          eq(habitEntries.userId, userId),
          inArray(
            habitEntries.habitId,
            rows.map((row) => row.id),
          ),
          gte(habitEntries.day, since),
        ),
      ),
    selectPauses(tx, userId),
  ]);
  const byHabit = new Map<string, Map<string, HabitStatus>>();
  for (const entry of entries) {
    let answers = byHabit.get(entry.habitId);
    if (!answers) byHabit.set(entry.habitId, (answers = new Map<string, HabitStatus>()));
    answers.set(entry.day, entry.status);
  }
  const isPaused = pausedOn(pauses);
  return rows.map((row) => summarize(row, byHabit.get(row.id) ?? new Map<string, HabitStatus>(), isPaused, settings));
}

function summarize(
  row: HabitRow,
  entries: ReadonlyMap<string, HabitStatus>,
  isPaused: (day: PractitionerDay) => boolean,
  settings: PractitionerDaySettings,
): Habit {
  const schedule = scheduleOf(row);
  const created = practitionerDay(row.createdAt, settings);
  const earliest = [...entries.keys()].reduce((first, day) => (day < first ? day : first), created);
  const history: HabitHistory = { schedule, startDay: earliest, entries, isPaused };
  const { today } = settings;
  const recent = Array.from({ length: RECENT_DAYS }, (_, index) => {
    const day = addDays(today, index - RECENT_DAYS + 1);
    return { day, status: entries.get(day) ?? null, paused: isPaused(day), due: isDueOn(schedule, day) };
  });
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    schedule,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    dueToday: isDueOn(schedule, today) && !isPaused(today),
    todayStatus: entries.get(today) ?? null,
    streak: currentStreak(history, today, settings.weekStart),
    strength: habitStrength(history, today),
    recent,
  };
}

/** Habits not archived. */
export const activeHabits = () => isNull(habits.archivedAt);
/** One habit by id. */
export const habitById = (id: string) => eq(habits.id, id);
