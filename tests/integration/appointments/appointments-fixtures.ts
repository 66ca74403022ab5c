import type { Appointment } from "@/lib/contracts/appointments";
import type { Contact } from "@/lib/contracts/contacts";
import type { SessionType } from "@/lib/contracts/session-types";
import type { Practitioner } from "../contacts/client-records-api";

/** A client and a session type (60 min, 10 before, 15 after unless told) to book with. */
export async function bookingSetup(
  practitioner: Practitioner,
  type: Partial<{ durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number }> = {},
) {
  const client = await practitioner.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Rosa Marsh" });
  const sessionType = await practitioner.expect<SessionType>(201, "POST", "/api/session-types", {
    name: "Massage",
    durationMinutes: 60,
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 15,
    ...type,
  });
  return { client, sessionType };
}

/** An instant `hours` from now, on a whole minute. */
export function hoursFromNow(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export async function book(
  practitioner: Practitioner,
  setup: { client: Contact; sessionType: SessionType },
  startsAt: string,
): Promise<Appointment> {
  return practitioner.expect<Appointment>(201, "POST", "/api/appointments", {
    contactId: setup.client.id,
    sessionTypeId: setup.sessionType.id,
    startsAt,
  });
}
