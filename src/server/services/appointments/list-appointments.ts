import { sql } from "drizzle-orm";
import { appointmentRangeQuery, type Appointment } from "@/lib/contracts/appointments";
import { withUserDb } from "@/server/db";
import type { UserContext } from "../contacts/context";
import { withCallerValues } from "../contacts/database-errors";
import { selectAppointments } from "./appointment-row";

export { appointmentRangeQuery as listAppointmentsInput };

/** Every appointment (any status) that overlaps [from, to), in start order: one calendar view's worth. */
export async function listAppointments(
  context: UserContext,
  input: { from: string; to: string },
): Promise<{ items: Appointment[] }> {
  const items = await withCallerValues(() =>
    withUserDb(context.userId, (tx) =>
      selectAppointments(
        tx,
        context.userId,
        // starts_at bound first so the (user_id, starts_at) index narrows; a session is at most 24 hours.
        sql`a.starts_at < ${input.to} and a.starts_at > ${input.from}::timestamptz - interval '24 hours'
            and a.ends_at > ${input.from}`,
      ),
    ),
  );
  return { items };
}
