import { sql, type SQL } from "drizzle-orm";
import type { Appointment, AppointmentStatus } from "@/lib/contracts/appointments";
import type { DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";

interface AppointmentRow {
  id: string;
  contact_id: string;
  contact_name: string;
  session_type_id: string;
  session_type_name: string;
  color: string;
  starts_at: Date | string;
  ends_at: Date | string;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  status: string;
  notes: string | null;
  confirmed_at: Date | string | null;
  completed_at: Date | string | null;
  cancelled_at: Date | string | null;
  late_cancelled_at: Date | string | null;
  no_show_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

/**
 * The practitioner's appointments matching `where` (over alias `a`), with the client's name and the
 * session type's name and colour, in start order. Filters by user_id as well as running under RLS.
 */
export async function selectAppointments(
  tx: DbTransaction,
  userId: string,
  where: SQL,
  order: SQL = sql`a.starts_at, a.id`,
): Promise<Appointment[]> {
  const rows = resultRows<AppointmentRow>(
    await tx.execute(sql`
      select a.id, a.contact_id, c.display_name as contact_name, a.session_type_id, t.name as session_type_name,
             t.color, a.starts_at, a.ends_at, a.buffer_before_minutes, a.buffer_after_minutes, a.status, a.notes,
             a.confirmed_at, a.completed_at, a.cancelled_at, a.late_cancelled_at, a.no_show_at,
             a.created_at, a.updated_at
        from public.appointments a
        join public.contacts c on c.user_id = a.user_id and c.id = a.contact_id
        join public.session_types t on t.user_id = a.user_id and t.id = a.session_type_id
       where a.user_id = ${userId} and (${where})
       order by ${order}`),
  );
  return rows.map((row) => ({
    id: row.id,
    contactId: row.contact_id,
    contactName: row.contact_name,
    sessionTypeId: row.session_type_id,
    sessionTypeName: row.session_type_name,
    color: row.color,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    bufferBeforeMinutes: Number(row.buffer_before_minutes),
    bufferAfterMinutes: Number(row.buffer_after_minutes),
    status: row.status as AppointmentStatus,
    notes: row.notes,
    confirmedAt: isoOrNull(row.confirmed_at),
    completedAt: isoOrNull(row.completed_at),
    cancelledAt: isoOrNull(row.cancelled_at),
    lateCancelledAt: isoOrNull(row.late_cancelled_at),
    noShowAt: isoOrNull(row.no_show_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  }));
}

export async function selectAppointment(tx: DbTransaction, userId: string, id: string): Promise<Appointment | null> {
  const [appointment] = await selectAppointments(tx, userId, sql`a.id = ${id}`);
  return appointment ?? null;
}
