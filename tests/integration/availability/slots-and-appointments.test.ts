import { beforeAll, describe, expect, it } from "vitest";
import type { SlotsResponse } from "@/lib/contracts/availability";
import { book, bookingSetup } from "../appointments/appointments-fixtures";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "../contacts/client-records-api";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Monday at least two weeks ahead, as the instant its day starts in Tokyo (UTC+9, no daylight saving). */
const tokyoMonday = (() => {
  let day = Math.floor(Date.now() / DAY) * DAY + 14 * DAY;
  while (new Date(day).getUTCDay() !== 1) day += DAY;
  return day - 9 * HOUR;
})();
const at = (hour: number) => new Date(tokyoMonday + hour * HOUR).toISOString();
const mondaySlots = `/api/availability/slots?durationMinutes=60&stepMinutes=60&from=${encodeURIComponent(at(0))}&to=${encodeURIComponent(at(24))}`;

let practitioner: Practitioner;

beforeAll(async () => {
  practitioner = await signUpPractitioner(await loadClientRecordsApi(), "Booked");
  await practitioner.expect(200, "PATCH", "/api/profile", { timeZone: "Asia/Tokyo" });
});

async function freeStarts(): Promise<string[]> {
  const { slots } = await practitioner.expect<SlotsResponse>(200, "GET", mondaySlots);
  return slots.map((slot) => slot.start);
}

describe("free slots and booked sessions", () => {
  it("a booked session (with its buffers) takes its slots out, and cancelling it gives them back", async () => {
    expect(await freeStarts()).toEqual([9, 10, 11, 12, 13, 14, 15, 16].map(at));

    const setup = await bookingSetup(practitioner, { bufferBeforeMinutes: 0, bufferAfterMinutes: 30 });
    const appointment = await book(practitioner, setup, at(12));
    // 12:00 is taken, and its 30-minute buffer after keeps a 13:00 start out too.
    expect(await freeStarts()).toEqual([9, 10, 11, 14, 15, 16].map(at));

    await practitioner.expect(200, "POST", `/api/appointments/${appointment.id}/status`, {
      status: "cancelled_by_practitioner",
    });
    expect(await freeStarts()).toEqual([9, 10, 11, 12, 13, 14, 15, 16].map(at));
  });
});
