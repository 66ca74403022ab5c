"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { TagSwatch } from "@/components/tags/tag-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest } from "@/lib/api-client";
import { appointmentListResponse, STATUS_LABELS, type Appointment } from "@/lib/contracts/appointments";
import { startOfZonedDay, zonedDay } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

/** Today's range in the practitioner's zone: from this midnight to the next. */
export function todayRange(timeZone: string, now = new Date()): { from: string; to: string } {
  const day = zonedDay(now, timeZone);
  return { from: startOfZonedDay(day, timeZone), to: startOfZonedDay(day, timeZone, 1) };
}

/** "Today": the day's sessions with their clients, at the top of the calendar. */
export function TodaySessions({ onOpen }: { onOpen: (appointment: Appointment) => void }) {
  const format = usePractitionerFormat();
  const { from, to } = todayRange(format.settings.timeZone);
  const today = useQuery({
    queryKey: queryKeys.appointments.range(from, to),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(`/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
          schema: appointmentListResponse,
          signal,
        })
      ).items,
  });

  return (
    <section aria-labelledby="today-heading" className="mb-6 rounded-xl border bg-card p-4 shadow-xs">
      <h2 id="today-heading" className="text-lg font-semibold">
        Today
        <span className="ml-2 text-sm font-normal text-muted-foreground">{format.date(from, { style: "long" })}</span>
      </h2>
      {today.isPending ? (
        <div className="mt-3 grid gap-2" aria-label="Loading today's sessions">
          <Skeleton className="h-10" />
          <Skeleton className="h-10" />
        </div>
      ) : today.isError ? (
        <p className="mt-2 text-sm text-destructive">Today&apos;s sessions could not be loaded.</p>
      ) : today.data.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">No sessions today.</p>
      ) : (
        <ul aria-label="Today's sessions" className="mt-3 divide-y">
          {today.data.map((appointment) => (
            <li key={appointment.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <TagSwatch color={appointment.color} className="size-3 shrink-0" />
              <button
                type="button"
                onClick={() => onOpen(appointment)}
                className="text-sm font-medium tabular-nums underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
              >
                {format.time(appointment.startsAt)}–{format.time(appointment.endsAt)}
              </button>
              <Link
                href={`/clients/${appointment.contactId}`}
                className="min-w-0 font-medium text-primary underline-offset-4 hover:underline"
              >
                {appointment.contactName}
              </Link>
              <span className="text-sm text-muted-foreground">{appointment.sessionTypeName}</span>
              <span className="ml-auto text-sm text-muted-foreground">{STATUS_LABELS[appointment.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
