import { sql } from "drizzle-orm";
import { appointmentIdParams, type ContactAppointments } from "@/lib/contracts/appointments";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import type { UserContext } from "../contacts/context";
import { selectAppointments } from "./appointment-row";

export { appointmentIdParams as contactAppointmentsParams };

const LIMIT = 50;

/**
 * One client's sessions: upcoming (still scheduled or confirmed, not yet over) soonest first, and the
 * rest most recent first, with attendance counts and the last and next visit taken from them.
 */
export async function listContactAppointments(
  context: UserContext,
  input: { contactId: string },
): Promise<ContactAppointments> {
  return withUserDb(context.userId, async (tx) => {
    const [summary] = resultRows<{
      found: boolean;
      completed: number;
      no_show: number;
      late_cancel: number;
      last_visit_at: Date | string | null;
      next_visit_at: Date | string | null;
    }>(
      await tx.execute(sql`
        select exists (select 1 from public.contacts where user_id = ${context.userId} and id = ${input.contactId}) as found,
               count(*) filter (where status = 'completed')::int as completed,
               count(*) filter (where status = 'no_show')::int as no_show,
               count(*) filter (where status = 'late_cancel')::int as late_cancel,
               max(starts_at) filter (where status = 'completed') as last_visit_at,
               min(starts_at) filter (where status in ('scheduled', 'confirmed') and starts_at >= now()) as next_visit_at
          from public.appointments
         where user_id = ${context.userId} and contact_id = ${input.contactId}`),
    );
    if (!summary?.found) throw AppError.notFound("Client");
    const ofClient = sql`a.contact_id = ${input.contactId}`;
    const upcomingWhere = sql`a.status in ('scheduled', 'confirmed') and a.ends_at >= now()`;
    const upcoming = await selectAppointments(
      tx,
      context.userId,
      sql`${ofClient} and ${upcomingWhere}`,
      sql`a.starts_at, a.id limit ${LIMIT}`,
    );
    const past = await selectAppointments(
      tx,
      context.userId,
      sql`${ofClient} and not (${upcomingWhere})`,
      sql`a.starts_at desc, a.id desc limit ${LIMIT}`,
    );
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
    return {
      upcoming,
      past,
      counts: { completed: summary.completed, noShow: summary.no_show, lateCancel: summary.late_cancel },
      lastVisitAt: iso(summary.last_visit_at),
      nextVisitAt: iso(summary.next_visit_at),
    };
  });
}
