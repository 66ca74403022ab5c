"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CalendarPlusIcon } from "lucide-react";
import { useRef, useState, useSyncExternalStore } from "react";
import { ConfirmActionDialog } from "@/components/confirm-action-dialog";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { PageHeader } from "@/components/page-header";
import { useSessionTypes } from "@/components/session-types/use-session-types";
import { Button } from "@/components/ui/button";
import { apiRequest } from "@/lib/api-client";
import { appointmentSchema, type Appointment } from "@/lib/contracts/appointments";
import type { SessionType } from "@/lib/contracts/session-types";
import { zonedWallTime } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { AppointmentDetailsDialog } from "./appointment-details-dialog";
import { NewAppointmentDialog } from "./new-appointment-dialog";
import { PracticeCalendar, type PracticeCalendarHandle } from "./practice-calendar";
import { TodaySessions } from "./today-sessions";

const PHONE_QUERY = "(max-width: 639px)";

function subscribePhone(onChange: () => void) {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** Below the `sm` breakpoint the calendar shows the day as an agenda list. */
function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}

/** The next whole hour, as a default start for a booking made from the button. */
function nextHour(): Date {
  const at = new Date(Date.now() + 3_600_000);
  at.setMinutes(0, 0, 0);
  return at;
}

interface PendingMove {
  appointment: Appointment;
  start: Date;
  end: Date;
  revert: () => void;
}

/** /calendar: today's sessions, the calendar, and the dialogs to book, move and settle sessions. */
export function CalendarScreen({ initialSessionTypes }: { initialSessionTypes: SessionType[] }) {
  const format = usePractitionerFormat();
  const queryClient = useQueryClient();
  const phone = usePhoneLayout();
  const calendar = useRef<PracticeCalendarHandle>(null);
  const sessionTypes = (useSessionTypes(initialSessionTypes).data ?? []).filter((type) => !type.archived);
  const [booking, setBooking] = useState<{ start: string } | null>(null);
  const [open, setOpen] = useState<Appointment | null>(null);
  const [move, setMove] = useState<PendingMove | null>(null);
  // Closing the confirmation puts the event back unless the move was saved.
  const moveSaved = useRef(false);

  function refresh() {
    calendar.current?.refetch();
    void queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
  }

  return (
    <>
      <PageHeader
        title="Calendar"
        description={`Your sessions, in your time zone (${format.settings.timeZone}).`}
        actions={
          <Button onClick={() => setBooking({ start: zonedWallTime(nextHour(), format.settings.timeZone) })}>
            <CalendarPlusIcon aria-hidden="true" />
            New appointment
          </Button>
        }
      />
      <TodaySessions onOpen={setOpen} />
      <PracticeCalendar
        ref={calendar}
        phone={phone}
        onPickTime={(start) => setBooking({ start: zonedWallTime(start, format.settings.timeZone) })}
        onOpen={setOpen}
        onMove={(pending) => {
          moveSaved.current = false;
          setMove(pending);
        }}
      />
      <NewAppointmentDialog
        open={booking !== null}
        start={booking?.start ?? ""}
        sessionTypes={sessionTypes}
        onOpenChange={(isOpen) => !isOpen && setBooking(null)}
        onBooked={refresh}
      />
      <AppointmentDetailsDialog
        key={open?.id ?? "none"}
        appointment={open}
        onOpenChange={(isOpen) => !isOpen && setOpen(null)}
        onChanged={(changed) => {
          setOpen(changed);
          refresh();
        }}
      />
      {move && (
        <ConfirmActionDialog
          open
          onOpenChange={(isOpen) => {
            if (!isOpen) {
              if (!moveSaved.current) move.revert();
              setMove(null);
            }
          }}
          title={<>Move the session with {move.appointment.contactName}?</>}
          description={
            <>
              From {format.dateRange(move.appointment.startsAt, move.appointment.endsAt)} to{" "}
              {format.dateRange(move.start, move.end)}. The client is not notified automatically: let them know
              yourself.
            </>
          }
          confirmLabel="Move session"
          onConfirm={async () => {
            await apiRequest(`/api/appointments/${move.appointment.id}`, {
              method: "PATCH",
              body: { startsAt: move.start.toISOString() },
              schema: appointmentSchema,
            });
            moveSaved.current = true;
            refresh();
          }}
          fallbackError="The session could not be moved. Try again."
        />
      )}
    </>
  );
}
