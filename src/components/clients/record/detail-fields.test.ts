import { describe, expect, it } from "vitest";
import { updateContactInput, type Contact } from "@/lib/contracts/contacts";
import { DETAIL_SECTIONS, displayValue, formValue, sectionPatch, type DetailSection } from "./detail-fields";

const SETTINGS = { locale: "en-GB", timeZone: "Pacific/Pago_Pago", hourCycle: null };

const contact: Contact = {
  id: "3f1c1d0e-8d4a-4f8e-9a51-2c3d4e5f6a7b",
  displayName: "Ana García",
  firstName: "Ana",
  lastName: null,
  email: "ana@example.test",
  phone: null,
  photoPath: null,
  source: "manual",
  lifecycleStage: "Core Client",
  tags: [],
  createdAt: "2025-01-01T10:00:00.000Z",
  updatedAt: "2025-01-01T10:00:00.000Z",
  lastVisitAt: null,
  newFromIntake: false,
  pronouns: null,
  dateOfBirth: "1990-05-17",
  referralSource: null,
  address: { city: "Leeds", line1: null },
  emergencyContact: null,
  healthContext: { allergies: ["Nuts", "Latex"], notes: null },
  preferences: { remindersOptIn: false, preferredChannel: "sms" },
};

function section(id: string): DetailSection {
  const found = DETAIL_SECTIONS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function field(sectionId: string, path: string) {
  const found = section(sectionId).fields.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe("client detail fields", () => {
  it("every field path is one the update contract accepts", () => {
    for (const candidate of DETAIL_SECTIONS) {
      const values = Object.fromEntries(candidate.fields.map((f) => [f.path, f.kind === "checkbox" ? true : ""]));
      const patch = sectionPatch(candidate, { ...values, displayName: "Someone" });
      expect(updateContactInput.safeParse(patch).success, candidate.id).toBe(true);
    }
  });

  it("reads nested values, lists and checkboxes into form controls", () => {
    expect(formValue(contact, field("address", "address.city"))).toBe("Leeds");
    expect(formValue(contact, field("address", "address.line1"))).toBe("");
    expect(formValue(contact, field("emergency", "emergencyContact.name"))).toBe("");
    expect(formValue(contact, field("health", "healthContext.allergies"))).toBe("Nuts\nLatex");
    expect(formValue(contact, field("preferences", "preferences.remindersOptIn"))).toBe(false);
  });

  it("shows values in words and empty ones as null", () => {
    expect(displayValue(contact, field("contact", "dateOfBirth"), SETTINGS)).toBe("17 May 1990");
    expect(displayValue(contact, field("contact", "phone"), SETTINGS)).toBeNull();
    expect(displayValue(contact, field("health", "healthContext.allergies"), SETTINGS)).toBe("Nuts, Latex");
    expect(displayValue(contact, field("health", "healthContext.conditions"), SETTINGS)).toBeNull();
    expect(displayValue(contact, field("preferences", "preferences.preferredChannel"), SETTINGS)).toBe("Text message");
    expect(displayValue(contact, field("preferences", "preferences.remindersOptIn"), SETTINGS)).toBe("No");
  });

  it("sends a nested object whole, with lines as a list and blanks for the contract to clear", () => {
    const patch = sectionPatch(section("health"), {
      "healthContext.conditions": " Asthma \n\n Migraine ",
      "healthContext.allergies": "",
      "healthContext.notes": "Prefers light pressure",
    });
    expect(patch).toEqual({
      healthContext: {
        conditions: ["Asthma", "Migraine"],
        allergies: [],
        medications: [],
        contraindications: [],
        notes: "Prefers light pressure",
      },
    });
    const parsed = updateContactInput.parse(sectionPatch(section("contact"), { displayName: "Ana", email: "" }));
    expect(parsed.email).toBeNull();
    expect(parsed.dateOfBirth).toBeNull();
  });

  it("lets the contract refuse what the API would refuse, at the field's path", () => {
    const result = updateContactInput.safeParse(
      sectionPatch(section("emergency"), { "emergencyContact.phone": "call me" }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe("emergencyContact.phone");
  });
});
