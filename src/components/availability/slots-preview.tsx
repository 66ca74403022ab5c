"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarClockIcon } from "lucide-react";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { apiRequest } from "@/lib/api-client";
import { slotsResponse, type Slot } from "@/lib/contracts/availability";
import { zonedDay } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";

const PREVIEW_DAYS = 7;
const PREVIEW_DURATION_MINUTES = 60;

/** The next seven days' free starts for a 60-minute session, as clients will be offered them. */
export function SlotsPreview() {
  const format = usePractitionerFormat();
  const timeZoneKnown = format.settings.timeZoneKnown;
  // The window is fixed when the page opens, so saving hours refetches the same week.
  const [span] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + PREVIEW_DAYS * 86_400_000).toISOString() };
  });
  const query = new URLSearchParams({
    durationMinutes: String(PREVIEW_DURATION_MINUTES),
    stepMinutes: "30",
    from: span.from,
    to: span.to,
  }).toString();
  const slots = useQuery({
    queryKey: queryKeys.availability.slots(query),
    queryFn: async ({ signal }) => apiRequest(`/api/availability/slots?${query}`, { schema: slotsResponse, signal }),
    enabled: timeZoneKnown,
  });

  const days = new Map<string, Slot[]>();
  for (const slot of slots.data?.slots ?? []) {
    const day = zonedDay(slot.start, format.settings.timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Free slots this week</CardTitle>
        <CardDescription>
          Starts a client could book for a {PREVIEW_DURATION_MINUTES}-minute session in the next {PREVIEW_DAYS} days,
          every half hour, shown in your time zone ({format.settings.timeZone}). Appointments will take their time out
          of this list.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {!timeZoneKnown ? (
          <p className="text-sm text-muted-foreground">Set your time zone in Settings → Profile to see free slots.</p>
        ) : slots.isPending ? (
          <div aria-busy="true" aria-label="Loading free slots" className="grid gap-2">
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-5 w-40" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : slots.isError ? (
          <ErrorAlert message={slots.error.message} />
        ) : days.size === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <CalendarClockIcon aria-hidden="true" className="size-4" />
            No free slots in the next {PREVIEW_DAYS} days. Add weekly hours or remove a day off.
          </p>
        ) : (
          <ul aria-label="Free slots by day" className="grid gap-4">
            {[...days.entries()].map(([day, daySlots]) => (
              <li key={day} className="grid gap-2">
                <h3 className="text-sm font-medium">{format.calendarDate(day, { style: "long" })}</h3>
                <ul aria-label={`Free starts on ${format.calendarDate(day)}`} className="flex flex-wrap gap-1.5">
                  {daySlots.map((slot) => (
                    <li key={slot.start} className="rounded-md border bg-accent/40 px-2 py-0.5 text-sm tabular-nums">
                      <time dateTime={slot.start}>{format.time(slot.start)}</time>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
