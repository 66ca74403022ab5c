import type { HabitListResponse } from "@/lib/contracts/habits";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { readDaySettings } from "../profiles/day-settings";
import { currentPause, selectPauses, summarizeHabits } from "./habit-summary";

/** Every habit of the practitioner (archived ones flagged), oldest first, with today's day and pause. */
export async function listHabits(context: UserContext): Promise<HabitListResponse> {
  return withUserDb(context.userId, async (tx) => {
    const settings = await readDaySettings(tx, context.userId);
    const [items, pauses] = await Promise.all([
      summarizeHabits(tx, context.userId, settings),
      selectPauses(tx, context.userId),
    ]);
    return { today: settings.today, pause: currentPause(pauses, settings.today), items };
  });
}
