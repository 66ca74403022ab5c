import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, Practitioner, signUpPractitioner } from "./client-records-api";

let alice: Practitioner;

beforeAll(async () => {
  alice = await signUpPractitioner(await loadClientRecordsApi(), "Alice");
});

const fullClient = {
  displayName: "Maya Lin",
  firstName: "Maya",
  lastName: "Lin",
  email: "  Maya.Lin@Example.com ",
  phone: "+1 (415) 555-0134",
  pronouns: "she/her",
  dateOfBirth: "1988-02-29",
  source: "intake",
  referralSource: "Dr. Patel",
  lifecycleStage: "Core Client",
  address: { line1: "1 Market St", city: "San Francisco", region: "CA", postalCode: "94105", country: "US" },
  emergencyContact: { name: "Sam Lin", relation: "brother", phone: "415-555-0199" },
  healthContext: {
    conditions: ["lower back pain"],
    allergies: ["lavender oil"],
    medications: [],
    contraindications: ["no deep tissue on left calf"],
    notes: "Prefers side-lying",
  },
  preferences: { sessionNotes: "Quiet room", preferredChannel: "sms", remindersOptIn: true },
  lastVisitAt: "2024-03-01T10:30:00+01:00",
};

describe("a client's record", () => {
  it("is created with every field, read back, edited and deleted", async () => {
    const created = await alice.expect<Contact>(201, "POST", "/api/contacts", fullClient);
    expect(created).toMatchObject({
      displayName: "Maya Lin",
      email: "Maya.Lin@Example.com",
      phone: "+1 (415) 555-0134",
      dateOfBirth: "1988-02-29",
      source: "intake",
      lifecycleStage: "Core Client",
      address: fullClient.address,
      emergencyContact: fullClient.emergencyContact,
      healthContext: fullClient.healthContext,
      preferences: fullClient.preferences,
      lastVisitAt: "2024-03-01T09:30:00.000Z",
      photoPath: null,
      tags: [],
    });
    expect(await alice.expect(200, "GET", `/api/contacts/${created.id}`)).toEqual(created);

    const edited = await alice.expect<Contact>(200, "PATCH", `/api/contacts/${created.id}`, {
      lifecycleStage: "VIP Client",
      phone: null,
      address: null,
    });
    expect(edited).toMatchObject({ lifecycleStage: "VIP Client", phone: null, address: null, email: created.email });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect(await alice.expect(200, "PATCH", `/api/contacts/${created.id}`, {})).toEqual(edited);

    const deleted = await alice.send("DELETE", `/api/contacts/${created.id}`);
    expect(deleted.status).toBe(204);
    await expectError((await alice.send("GET", `/api/contacts/${created.id}`)).response, 404);
    await expectError((await alice.send("DELETE", `/api/contacts/${created.id}`)).response, 404);
  });

  it("needs only a display name, and defaults the rest", async () => {
    const created = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "  Jo  " });
    expect(created).toMatchObject({
      displayName: "Jo",
      source: "manual",
      lifecycleStage: "New Client",
      email: null,
      address: null,
    });
  });

  it("refuses invalid fields with the JSON error shape and a field path", async () => {
    const cases: [unknown, string][] = [
      [{}, "displayName"],
      [{ displayName: "   " }, "displayName"],
      [{ displayName: "A", lifecycleStage: "Gold" }, "lifecycleStage"],
      [{ displayName: "A", email: "not-an-email" }, "email"],
      [{ displayName: "A", phone: "call me" }, "phone"],
      [{ displayName: "A", dateOfBirth: "2023-02-30" }, "dateOfBirth"],
      [{ displayName: "A", dateOfBirth: "2999-01-01" }, "dateOfBirth"],
      [{ displayName: "A", source: "carrier pigeon" }, "source"],
      [{ displayName: "A", address: { line1: "x", planet: "Mars" } }, "address"],
      [{ displayName: "A", healthContext: { allergies: "nuts" } }, "healthContext.allergies"],
      [{ displayName: "A", lastVisitAt: "yesterday" }, "lastVisitAt"],
      [{ displayName: "A\u0000B" }, "displayName"],
      [{ displayName: "A", photoPath: "users/other/photo.jpg" }, ""],
    ];
    for (const [body, path] of cases) {
      const error = await expectError((await alice.send("POST", "/api/contacts", body)).response, 422);
      expect(error.code).toBe("validation_failed");
      const paths = (error.details as { path: string }[]).map((detail) => detail.path);
      expect(
        paths.some((found) => found.startsWith(path)),
        `${JSON.stringify(body)} → ${paths.join(",")}`,
      ).toBe(true);
    }
    await expectError((await alice.send("POST", "/api/contacts", "{not json")).response, 400);
    await expectError((await alice.send("GET", "/api/contacts/not-a-uuid")).response, 422);
  });

  it("answers 401 without a session", async () => {
    const { TestBrowser } = await import("../../support/test-browser");
    const stranger = new Practitioner(alice.api, new TestBrowser(), alice.id);
    await expectError((await stranger.send("GET", "/api/contacts")).response, 401);
    await expectError((await stranger.send("POST", "/api/contacts", { displayName: "X" })).response, 401);
  });
});
