"use client";

/**
 * `<ClientAppointmentsSection contactId={client.id} />` — a client's sessions on their page: the next
 * and last visit (from appointments), attendance counts, then upcoming sessions soonest first and past
 * ones most recent first. Fetches `GET /api/contacts/:id/appointments` through TanStack Query.
 */

import { useQuery } from "@tanstack/react-query";
import { CalendarDaysIcon, CircleAlertIcon } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { FormattedDate, usePractitionerFormat } from "@/components/format/practitioner-format";
import { TagSwatch } from "@/components/tags/tag-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest, isApiError } from "@/lib/api-client";
import { contactAppointmentsResponse, STATUS_LABELS, type Appointment } from "@/lib/contracts/appointments";
import { queryKeys } from "@/lib/query-keys";

function AppointmentList({ label, appointments }: { label: string; appointments: Appointment[] }) {
  const format = usePractitionerFormat();
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">{label}</h3>
      {appointments.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul aria-label={label} className="divide-y rounded-xl border bg-card">
          {appointments.map((appointment) => (
            <li key={appointment.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
              <TagSwatch color={appointment.color} className="size-3 shrink-0" />
              <time dateTime={appointment.startsAt} className="tabular-nums" suppressHydrationWarning>
                {format.dateRange(appointment.startsAt, appointment.endsAt)}
              </time>
              <span className="text-muted-foreground">{appointment.sessionTypeName}</span>
              <span className="ml-auto">{STATUS_LABELS[appointment.status]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ClientAppointmentsSection({ contactId }: { contactId: string }) {
  const appointments = useQuery({
    queryKey: queryKeys.appointments.ofContact(contactId),
    queryFn: async ({ signal }) =>
      apiRequest(`/api/contacts/${contactId}/appointments`, { schema: contactAppointmentsResponse, signal }),
  });
  const data = appointments.data;

  return (
    <section aria-labelledby="client-appointments-heading" className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="client-appointments-heading" className="text-lg font-semibold">
          Appointments
        </h2>
        <Link href="/calendar" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Book in the calendar
        </Link>
      </div>
      {appointments.isPending && (
        <div className="grid gap-2" aria-label="Loading appointments">
          <Skeleton className="h-12" />
          <Skeleton className="h-24" />
        </div>
      )}
      {appointments.isError && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            {isApiError(appointments.error) ? appointments.error.message : "The appointments could not be loaded."}
          </AlertDescription>
        </Alert>
      )}
      {data && data.upcoming.length === 0 && data.past.length === 0 && (
        <EmptyState
          icon={CalendarDaysIcon}
          title="No appointments yet"
          description="Sessions booked with this client in the calendar appear here, with their attendance."
        />
      )}
      {data && (data.upcoming.length > 0 || data.past.length > 0) && (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" aria-label="Attendance">
            {[
              ["Next visit", <FormattedDate key="next" iso={data.nextVisitAt} />],
              ["Last visit", <FormattedDate key="last" iso={data.lastVisitAt} />],
              ["Completed", data.counts.completed],
              ["No-shows", data.counts.noShow],
              ["Late cancellations", data.counts.lateCancel],
            ].map(([term, value]) => (
              <div key={term as string} className="rounded-xl border bg-card px-3 py-2">
                <dt className="text-xs text-muted-foreground">{term}</dt>
                <dd className="text-base font-medium tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <AppointmentList label="Upcoming" appointments={data.upcoming} />
          <AppointmentList label="Past and cancelled" appointments={data.past} />
        </>
      )}
    </section>
  );
}
