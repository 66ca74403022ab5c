"use client";

import Link from "next/link";
import { useState } from "react";
import { NativeSelect, Textarea } from "@/components/clients/field-controls";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { durationText } from "@/components/session-types/use-session-types";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import { appointmentSchema, createAppointmentInput, type Appointment } from "@/lib/contracts/appointments";
import type { SessionType } from "@/lib/contracts/session-types";
import { instantFromZonedWallTime } from "@/lib/format";
import { ClientSearchField, type ChosenClient } from "./client-search-field";

interface NewAppointmentValues {
  /** The chosen client (named as the contract's field, so its errors land here). */
  contactId: ChosenClient | null;
  sessionTypeId: string;
  /** Wall-clock time in the practitioner's zone, as a datetime-local input holds it. */
  startsAt: string;
  notes: string;
  idempotencyKey: string;
}

/** Books a session: a client found by search, a session type and a start in the practitioner's zone. */
export function NewAppointmentDialog({
  open,
  start,
  sessionTypes,
  onOpenChange,
  onBooked,
}: {
  open: boolean;
  /** The wall-clock start picked on the grid (`YYYY-MM-DDTHH:mm`), or a default. */
  start: string;
  sessionTypes: SessionType[];
  onOpenChange: (open: boolean) => void;
  onBooked: (appointment: Appointment) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>New appointment</DialogTitle>
          <DialogDescription>Book a session with one of your clients.</DialogDescription>
        </DialogHeader>
        {sessionTypes.length === 0 ? (
          <p className="text-sm">
            Add a session type first in{" "}
            <Link href="/settings/session-types" className="font-medium text-primary underline underline-offset-4">
              Settings → Session types
            </Link>
            .
          </p>
        ) : (
          <NewAppointmentForm
            key={start}
            start={start}
            sessionTypes={sessionTypes}
            onDone={() => onOpenChange(false)}
            onBooked={onBooked}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function NewAppointmentForm({
  start,
  sessionTypes,
  onDone,
  onBooked,
}: {
  start: string;
  sessionTypes: SessionType[];
  onDone: () => void;
  onBooked: (appointment: Appointment) => void;
}) {
  const format = usePractitionerFormat();
  const timeZone = format.settings.timeZone;
  // One key per dialog: a double submit or a retry after a lost answer books once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const contract = useContractForm<typeof createAppointmentInput, NewAppointmentValues>(createAppointmentInput, {
    defaultValues: {
      contactId: null,
      sessionTypeId: sessionTypes[0]?.id ?? "",
      startsAt: start,
      notes: "",
      idempotencyKey,
    },
    toInput: (values) => ({
      contactId: values.contactId?.id ?? "",
      sessionTypeId: values.sessionTypeId,
      startsAt: instantFromZonedWallTime(values.startsAt, timeZone) ?? values.startsAt,
      notes: values.notes,
      idempotencyKey: values.idempotencyKey,
    }),
    onSubmit: async (values) => {
      const booked = await apiRequest("/api/appointments", { method: "POST", body: values, schema: appointmentSchema });
      onBooked(booked);
      onDone();
    },
  });
  const { control } = contract.form;
  const contactError = contract.form.formState.errors.contactId;

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={control}
          name="contactId"
          render={({ field }) => (
            <ClientSearchField
              value={field.value}
              onChange={field.onChange}
              invalid={typeof contactError?.message === "string" ? contactError.message : undefined}
            />
          )}
        />
        <FormField
          control={control}
          name="sessionTypeId"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Session type</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {sessionTypes.map((type) => (
                    <option key={type.id} value={type.id}>
                      {type.name} ({durationText(type.durationMinutes)})
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="startsAt"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Starts</FormLabel>
              <FormControl>
                <Input {...field} type="datetime-local" step={300} />
              </FormControl>
              <FormDescription>In your time zone, {timeZone}.</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="notes"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Notes</FormLabel>
              <FormControl>
                <Textarea {...field} rows={2} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" disabled={contract.pending} onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Booking…" : "Book appointment"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
