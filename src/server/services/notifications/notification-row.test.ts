import { describe, expect, it } from "vitest";
import { toNotification, type NotificationRow } from "./notification-row";

const contactId = "7b0f8a4e-2d7c-4c36-9a55-0f5b8f1b2c3d";
const row = (overrides: Partial<NotificationRow> = {}): NotificationRow => ({
  id: "2f1c7c53-9a55-4c36-8d7c-0f5b8f1b2c3d",
  kind: "intake.submitted",
  data: { contactId, firstName: "<b>Rosa</b>" },
  contact_id: contactId,
  created_at: "2026-03-10T12:00:00.123456Z",
  read_at: null,
  ...overrides,
});

describe("toNotification", () => {
  it("builds the title and link from the kind's fields, as plain text", () => {
    expect(toNotification(row())).toEqual({
      id: "2f1c7c53-9a55-4c36-8d7c-0f5b8f1b2c3d",
      kind: "intake.submitted",
      title: "A new intake form from <b>Rosa</b> arrived",
      contactId,
      href: `/clients/${contactId}`,
      createdAt: "2026-03-10T12:00:00.123456Z",
      readAt: null,
    });
  });

  it("links to the client the row points at now (a merge moves it), not the one in the stored fields", () => {
    const kept = "0c9b2a1e-1111-4c36-9a55-0f5b8f1b2c3d";
    expect(toNotification(row({ contact_id: kept }))?.href).toBe(`/clients/${kept}`);
  });

  it("leaves out a row of an unknown kind or with fields its kind does not accept", () => {
    expect(toNotification(row({ kind: "booking.requested" }))).toBeNull();
    expect(toNotification(row({ data: { firstName: "Rosa" } }))).toBeNull();
    expect(toNotification(row({ data: JSON.stringify({ contactId, firstName: "Rosa" }) }))?.title).toBe(
      "A new intake form from Rosa arrived",
    );
  });
});
