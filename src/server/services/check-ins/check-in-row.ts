import type { CheckIn } from "@/lib/contracts/check-ins";
import { checkIns } from "@/server/db/schema";

export const checkInColumns = {
  day: checkIns.day,
  period: checkIns.period,
  energy: checkIns.energy,
  mood: checkIns.mood,
  sleep: checkIns.sleep,
  stress: checkIns.stress,
  note: checkIns.note,
  updatedAt: checkIns.updatedAt,
};

type CheckInRow = { [K in keyof typeof checkInColumns]: (typeof checkIns.$inferSelect)[K] };

export function checkInOf(row: CheckInRow): CheckIn {
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}
