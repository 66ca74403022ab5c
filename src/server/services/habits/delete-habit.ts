import { and, eq } from "drizzle-orm";
import { habitIdParams } from "@/lib/contracts/habits";
import { withUserDb } from "@/server/db";
import { habits } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";

export { habitIdParams as deleteHabitParams };

/** Deletes a habit and its answers (archiving is the way to keep them). */
export async function deleteHabit(context: UserContext, input: { id: string }): Promise<void> {
  const deleted = await withUserDb(context.userId, (tx) =>
    tx
      .delete(habits)
      .where(and(eq(habits.userId, context.userId), eq(habits.id, input.id)))
      .returning({ id: habits.id }),
  );
  if (deleted.length === 0) throw AppError.notFound("Habit");
}
