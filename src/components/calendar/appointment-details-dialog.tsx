"use client";

import Link from "next/link";
import { useState } from "react";
import { ErrorAlert } from "@/components/error-alert";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { apiRequest, isApiError } from "@/lib/api-client";
import {
  appointmentSchema,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type Appointment,
  type NewAppointmentStatus,
} from "@/lib/contracts/appointments";

/** The actions offered for each next status, in the order shown. */
const ACTIONS: { status: NewAppointmentStatus; label: string; variant: "default" | "outline" | "destructive" }[] = [
  { status: "completed", label: "Mark completed", variant: "default" },
  { status: "confirmed", label: "Mark confirmed", variant: "outline" },
  { status: "no_show", label: "No-show", variant: "outline" },
  { status: "late_cancel", label: "Late cancellation", variant: "outline" },
  { status: "cancelled_by_client", label: "Cancelled by client", variant: "outline" },
  { status: "cancelled_by_practitioner", label: "Cancel session", variant: "destructive" },
];

/** What happened at the session can only be said once it has started. */
const AFTER_START: readonly NewAppointmentStatus[] = ["completed", "no_show"];

/** One appointment: client, session, time, notes and the status changes it still allows. */
export function AppointmentDetailsDialog({
  appointment,
  onOpenChange,
  onChanged,
}: {
  appointment: Appointment | null;
  onOpenChange: (open: boolean) => void;
  onChanged: (appointment: Appointment) => void;
}) {
  const format = usePractitionerFormat();
  const [pending, setPending] = useState<NewAppointmentStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Read once when the dialog opens (it is keyed by appointment): whether the session has started.
  const [openedAt] = useState(() => Date.now());
  if (!appointment) return null;
  const started = Date.parse(appointment.startsAt) <= openedAt;
  const allowed = STATUS_TRANSITIONS[appointment.status];

  async function change(status: NewAppointmentStatus) {
    if (!appointment) return;
    setPending(status);
    setError(null);
    try {
      const changed = await apiRequest(`/api/appointments/${appointment.id}/status`, {
        method: "POST",
        body: { status },
        schema: appointmentSchema,
      });
      onChanged(changed);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The status could not be changed. Try again.");
    } finally {
      setPending(null);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) setError(null);
        onOpenChange(open);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            {appointment.sessionTypeName} with {appointment.contactName}
          </DialogTitle>
          <DialogDescription>{format.dateRange(appointment.startsAt, appointment.endsAt)}</DialogDescription>
        </DialogHeader>
        <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted-foreground">Client</dt>
          <dd>
            <Link
              href={`/clients/${appointment.contactId}`}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              {appointment.contactName}
            </Link>
          </dd>
          <dt className="text-muted-foreground">Status</dt>
          <dd data-testid="appointment-status">{STATUS_LABELS[appointment.status]}</dd>
          {appointment.notes && (
            <>
              <dt className="text-muted-foreground">Notes</dt>
              <dd className="whitespace-pre-wrap">{appointment.notes}</dd>
            </>
          )}
        </dl>
        <ErrorAlert message={error} />
        {allowed.length > 0 ? (
          <div className="grid gap-2">
            <div className="flex flex-wrap gap-2">
              {ACTIONS.filter((action) => allowed.includes(action.status)).map((action) => (
                <Button
                  key={action.status}
                  variant={action.variant}
                  disabled={pending !== null || (AFTER_START.includes(action.status) && !started)}
                  onClick={() => void change(action.status)}
                >
                  {pending === action.status ? "Saving…" : action.label}
                </Button>
              ))}
            </div>
            {!started && (
              <p className="text-sm text-muted-foreground">
                Completed and no-show can be marked once the session has started.
              </p>
            )}
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">This session is settled; its status no longer changes.</p>
        )}
      </DialogContent>
    </Dialog>
  );
}
