"use client";

import { useQueryClient } from "@tanstack/react-query";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { NativeSelect, Textarea } from "@/components/clients/field-controls";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { apiRequest } from "@/lib/api-client";
import {
  createSessionTypeInput,
  LOCATION_KINDS,
  LOCATION_LABELS,
  sessionTypeSchema,
  updateSessionTypeInput,
  type LocationKind,
  type SessionType,
} from "@/lib/contracts/session-types";
import { queryKeys } from "@/lib/query-keys";

/** The form holds numbers as typed text; `toInput` turns them into the contract's numbers. */
interface SessionTypeFormValues {
  name: string;
  durationMinutes: string;
  price: string;
  currency: string;
  color: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minNoticeMinutes: string;
  maxDaysAhead: string;
  clientBookable: boolean;
  locationKind: LocationKind;
  locationDetail: string;
  archived: boolean;
}

const number = (text: string) => (text.trim() === "" ? undefined : Number(text));
const orNull = (text: string) => (text.trim() === "" ? null : text);

function toInput(values: SessionTypeFormValues) {
  return {
    name: values.name,
    durationMinutes: number(values.durationMinutes),
    price: orNull(values.price),
    currency: orNull(values.currency),
    color: values.color,
    bufferBeforeMinutes: number(values.bufferBeforeMinutes),
    bufferAfterMinutes: number(values.bufferAfterMinutes),
    minNoticeMinutes: number(values.minNoticeMinutes),
    maxDaysAhead: number(values.maxDaysAhead),
    clientBookable: values.clientBookable,
    locationKind: values.locationKind,
    locationDetail: values.locationDetail,
    archived: values.archived,
  };
}

function formValuesOf(sessionType: SessionType | null): SessionTypeFormValues {
  return {
    name: sessionType?.name ?? "",
    durationMinutes: String(sessionType?.durationMinutes ?? 60),
    price: sessionType?.price ?? "",
    currency: sessionType?.currency ?? "",
    color: sessionType?.color ?? "#2563eb",
    bufferBeforeMinutes: String(sessionType?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(sessionType?.bufferAfterMinutes ?? 0),
    minNoticeMinutes: String(sessionType?.minNoticeMinutes ?? 0),
    maxDaysAhead: String(sessionType?.maxDaysAhead ?? 60),
    clientBookable: sessionType?.clientBookable ?? false,
    locationKind: sessionType?.locationKind ?? "in_person",
    locationDetail: sessionType?.locationDetail ?? "",
    archived: sessionType?.archived ?? false,
  };
}

const LOCATION_DETAIL_LABELS: Record<LocationKind, string> = {
  in_person: "Address",
  phone: "Phone number or who calls whom",
  video: "Video link",
};

/** Creates a session type (`sessionType` absent) or edits one. */
export function SessionTypeFormDialog({
  sessionType,
  open,
  onOpenChange,
}: {
  sessionType: SessionType | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{sessionType ? `Edit “${sessionType.name}”` : "New session type"}</DialogTitle>
          <DialogDescription>
            {sessionType
              ? "Sessions already booked keep their times; changes apply to new bookings."
              : "A kind of session you offer, with its length, price and where it happens."}
          </DialogDescription>
        </DialogHeader>
        <SessionTypeForm sessionType={sessionType} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function NumberField({
  name,
  label,
  description,
  control,
}: {
  name: "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "minNoticeMinutes" | "maxDaysAhead";
  label: string;
  description?: string;
  control: ReturnType<typeof useContractForm<typeof createSessionTypeInput, SessionTypeFormValues>>["form"]["control"];
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input {...field} inputMode="numeric" autoComplete="off" />
          </FormControl>
          {description && <FormDescription>{description}</FormDescription>}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}

function SessionTypeForm({ sessionType, onDone }: { sessionType: SessionType | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const contract = useContractForm<typeof createSessionTypeInput, SessionTypeFormValues>(
    sessionType ? (updateSessionTypeInput as unknown as typeof createSessionTypeInput) : createSessionTypeInput,
    {
      defaultValues: formValuesOf(sessionType),
      toInput,
      keepPendingOnSuccess: true,
      onSubmit: async (values) => {
        const saved = await apiRequest(sessionType ? `/api/session-types/${sessionType.id}` : "/api/session-types", {
          method: sessionType ? "PATCH" : "POST",
          body: values,
          schema: sessionTypeSchema,
        });
        queryClient.setQueryData<SessionType[]>(queryKeys.sessionTypes, (list = []) => [
          ...list.map((other) => (other.id === saved.id ? saved : other)),
          ...(list.some((other) => other.id === saved.id) ? [] : [saved]),
        ]);
        void queryClient.invalidateQueries({ queryKey: queryKeys.sessionTypes });
        void queryClient.invalidateQueries({ queryKey: queryKeys.appointments.all });
        onDone();
      },
    },
  );
  const { control } = contract.form;
  const locationKind = contract.form.watch("locationKind");

  return (
    <Form {...contract.form}>
      <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
        <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
        <FormField
          control={control}
          name="name"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Name</FormLabel>
              <FormControl>
                <Input {...field} autoComplete="off" required placeholder="Initial consultation" />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField control={control} name="durationMinutes" label="Length (minutes)" />
          <FormField
            control={control}
            name="color"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Calendar colour</FormLabel>
                <FormControl>
                  <input
                    {...field}
                    type="color"
                    className="h-10 w-16 cursor-pointer rounded-md border border-input bg-card p-0.5"
                  />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            control={control}
            name="price"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Price</FormLabel>
                <FormControl>
                  <Input {...field} inputMode="decimal" autoComplete="off" placeholder="80.00" />
                </FormControl>
                <FormDescription>Shown only; nothing is charged.</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <FormField
            control={control}
            name="currency"
            render={({ field }) => (
              <FormItem>
                <FormLabel>Currency</FormLabel>
                <FormControl>
                  <Input {...field} autoComplete="off" maxLength={3} placeholder="EUR" />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            control={control}
            name="bufferBeforeMinutes"
            label="Buffer before (minutes)"
            description="Kept free before the session."
          />
          <NumberField
            control={control}
            name="bufferAfterMinutes"
            label="Buffer after (minutes)"
            description="Kept free after it, e.g. to write notes."
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            control={control}
            name="minNoticeMinutes"
            label="Minimum notice (minutes)"
            description="How soon before a session clients may still book it."
          />
          <NumberField control={control} name="maxDaysAhead" label="Bookable up to (days ahead)" />
        </div>
        <FormField
          control={control}
          name="locationKind"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Where</FormLabel>
              <FormControl>
                <NativeSelect {...field}>
                  {LOCATION_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {LOCATION_LABELS[kind]}
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
          name="locationDetail"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{LOCATION_DETAIL_LABELS[locationKind]}</FormLabel>
              <FormControl>
                <Textarea {...field} rows={2} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="clientBookable"
          render={({ field }) => (
            <FormItem className="flex items-start gap-3">
              <FormControl>
                <input
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0"
                  checked={field.value}
                  onChange={(event) => field.onChange(event.target.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              </FormControl>
              <div className="grid gap-1">
                <FormLabel>Clients may book this themselves</FormLabel>
                <FormDescription>Offered on your public booking page once it exists.</FormDescription>
              </div>
            </FormItem>
          )}
        />
        {sessionType && (
          <FormField
            control={control}
            name="archived"
            render={({ field }) => (
              <FormItem className="flex items-start gap-3">
                <FormControl>
                  <input
                    type="checkbox"
                    className="mt-0.5 size-5 shrink-0"
                    checked={field.value}
                    onChange={(event) => field.onChange(event.target.checked)}
                    onBlur={field.onBlur}
                    name={field.name}
                    ref={field.ref}
                  />
                </FormControl>
                <div className="grid gap-1">
                  <FormLabel>Archived</FormLabel>
                  <FormDescription>No longer offered; its past and booked sessions stay.</FormDescription>
                </div>
              </FormItem>
            )}
          />
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="outline" disabled={contract.pending} onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={contract.pending}>
            {contract.pending ? "Saving…" : sessionType ? "Save session type" : "Create session type"}
          </Button>
        </div>
      </form>
    </Form>
  );
}
