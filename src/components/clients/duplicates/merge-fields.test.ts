import { describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { defaultSide, differs, fieldText } from "./merge-fields";
import { reasonText } from "./duplicates-api";

const base: Contact = {
  id: "00000000-0000-4000-8000-000000000001",
  displayName: "Sam Lee",
  firstName: null,
  lastName: null,
  email: null,
  phone: null,
  photoPath: null,
  newFromIntake: false,
  source: "manual",
  lifecycleStage: "New Client",
  tags: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  lastVisitAt: null,
  pronouns: null,
  dateOfBirth: null,
  referralSource: null,
  address: null,
  emergencyContact: null,
  healthContext: null,
  preferences: null,
};
const newer: Contact = { ...base, id: "00000000-0000-4000-8000-000000000002", updatedAt: "2026-02-01T00:00:00.000Z" };

describe("the side each merge row starts on", () => {
  it("is the only filled-in value, whichever record holds it", () => {
    expect(defaultSide({ ...base, email: "a@example.com" }, newer, "email")).toBe("primary");
    expect(defaultSide(base, { ...newer, phone: "0123" }, "phone")).toBe("duplicate");
  });

  it("is the more recently updated record's when both have one", () => {
    expect(defaultSide({ ...base, pronouns: "she/her" }, { ...newer, pronouns: "they/them" }, "pronouns")).toBe(
      "duplicate",
    );
    expect(defaultSide({ ...newer, pronouns: "she/her" }, { ...base, pronouns: "they/them" }, "pronouns")).toBe(
      "primary",
    );
  });

  it("treats an address with only empty parts as empty", () => {
    const empty = { ...base, address: { line1: null, city: null } };
    expect(fieldText(empty, "address")).toBeNull();
    expect(defaultSide(empty, { ...base, address: { line1: "1 Elm St", city: "Leeds" } }, "address")).toBe("duplicate");
    expect(fieldText({ ...base, address: { line1: "1 Elm St", city: "Leeds" } }, "address")).toBe("1 Elm St, Leeds");
  });

  it("offers no choice where both records agree", () => {
    expect(differs(base, newer, "displayName")).toBe(false);
    expect(differs(base, { ...newer, displayName: "Samuel Lee" }, "displayName")).toBe(true);
  });
});

describe("reasons in a sentence", () => {
  it("joins one, two or three reasons", () => {
    expect(reasonText(["email"])).toBe("same email");
    expect(reasonText(["email", "name"])).toBe("same email and similar name");
    expect(reasonText(["email", "phone", "name"])).toBe("same email, same phone and similar name");
  });
});
