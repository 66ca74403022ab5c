"use client";

import type { DateSelectArg, EventClickArg, EventDropArg, EventInput, EventSourceFuncArg } from "@fullcalendar/core";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { apiRequest } from "@/lib/api-client";
import { appointmentListResponse, OPEN_STATUSES, type Appointment } from "@/lib/contracts/appointments";
import { localeHourCycle } from "@/lib/format";
import { namedZonePlugin } from "./zone-plugin";

export interface PracticeCalendarHandle {
  /** Reloads the visible range (after a booking or a status change elsewhere on the page). */
  refetch: () => void;
}

const SETTLED_CLASS = "omnicrm-settled";

function toEvent(appointment: Appointment): EventInput {
  const open = OPEN_STATUSES.includes(appointment.status);
  return {
    id: appointment.id,
    title: `${appointment.contactName} · ${appointment.sessionTypeName}`,
    start: appointment.startsAt,
    end: appointment.endsAt,
    backgroundColor: appointment.color,
    borderColor: appointment.color,
    textColor: "#ffffff",
    startEditable: open,
    durationEditable: false,
    classNames: open || appointment.status === "completed" ? [] : [SETTLED_CLASS],
    extendedProps: { appointment },
  };
}

/**
 * The practitioner's calendar (FullCalendar's MIT plugins): week, day and month grids and a list, in
 * their time zone and locale, with the current time's line. A free time picked on the grid, an event
 * clicked and an event dragged are handed to the screen, which owns the dialogs. On a phone the day is
 * an agenda list.
 */
export const PracticeCalendar = forwardRef<
  PracticeCalendarHandle,
  {
    phone: boolean;
    onPickTime: (start: Date) => void;
    onOpen: (appointment: Appointment) => void;
    onMove: (move: { appointment: Appointment; start: Date; end: Date; revert: () => void }) => void;
  }
>(function PracticeCalendar({ phone, onPickTime, onOpen, onMove }, ref) {
  const { settings } = usePractitionerFormat();
  const calendar = useRef<FullCalendar>(null);
  useImperativeHandle(ref, () => ({ refetch: () => calendar.current?.getApi().refetchEvents() }), []);

  useEffect(() => {
    calendar.current?.getApi().changeView(phone ? "listDay" : "timeGridWeek");
  }, [phone]);

  const hour12 = (settings.hourCycle ?? localeHourCycle(settings.locale)) === "h12";
  const timeFormat = useMemo(() => ({ hour: "numeric", minute: "2-digit", hour12 }) as const, [hour12]);

  async function loadEvents(range: EventSourceFuncArg): Promise<EventInput[]> {
    const query = `from=${encodeURIComponent(range.start.toISOString())}&to=${encodeURIComponent(range.end.toISOString())}`;
    const { items } = await apiRequest(`/api/appointments?${query}`, { schema: appointmentListResponse });
    return items.map(toEvent);
  }

  return (
    <div className="omnicrm-calendar rounded-xl border bg-card p-2 shadow-xs sm:p-4">
      <FullCalendar
        ref={calendar}
        plugins={[namedZonePlugin, timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
        timeZone={settings.timeZone}
        locale={settings.locale}
        firstDay={settings.weekStart === "sunday" ? 0 : 1}
        initialView={phone ? "listDay" : "timeGridWeek"}
        headerToolbar={
          phone
            ? { left: "prev,next", center: "title", right: "today" }
            : { left: "prev,next today", center: "title", right: "timeGridDay,timeGridWeek,dayGridMonth,listWeek" }
        }
        // Words, not FullCalendar's icon spans (role="img" without a name, an axe violation); the hints
        // ("Next week") become the buttons' titles.
        buttonIcons={false}
        buttonText={{
          prev: "Previous",
          next: "Next",
          today: "Today",
          day: "Day",
          week: "Week",
          month: "Month",
          list: "List",
        }}
        buttonHints={{ prev: "Previous $0", next: "Next $0", today: "Go to today" }}
        allDaySlot={false}
        nowIndicator
        navLinks
        // The day from 6:00 to 22:00 at its full height, so nothing scrolls inside the grid: a scrolling
        // region must be focusable (axe), and FullCalendar's grid markup cannot hold one that is.
        slotMinTime="06:00:00"
        slotMaxTime="22:00:00"
        slotDuration="00:30:00"
        slotLabelInterval="01:00"
        slotLabelFormat={timeFormat}
        eventTimeFormat={timeFormat}
        contentHeight="auto"
        selectable
        selectMirror
        selectAllow={(span) => !span.allDay}
        eventInteractive
        editable
        eventDurationEditable={false}
        noEventsText="No sessions on this day"
        events={loadEvents}
        select={(info: DateSelectArg) => {
          info.view.calendar.unselect();
          onPickTime(info.start);
        }}
        eventClick={(info: EventClickArg) => {
          info.jsEvent.preventDefault();
          onOpen(info.event.extendedProps.appointment as Appointment);
        }}
        eventDrop={(info: EventDropArg) => {
          const { start, end } = info.event;
          if (!start || !end) return info.revert();
          onMove({ appointment: info.event.extendedProps.appointment as Appointment, start, end, revert: info.revert });
        }}
      />
    </div>
  );
});
