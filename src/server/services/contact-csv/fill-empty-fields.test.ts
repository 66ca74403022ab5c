import { describe, expect, it } from "vitest";
import { fillEmptyFields } from "./fill-empty-fields";

describe("merging a row into a client", () => {
  it("fills only empty fields and empty keys of JSON fields, never overwriting", () => {
    const { values, filled } = fillEmptyFields(
      {
        displayName: "Maya Lin",
        email: "maya@example.com",
        phone: null,
        lifecycleStage: "Core Client",
        address: { city: "Oakland", line1: null },
        healthContext: { allergies: [] },
        preferences: null,
      },
      {
        displayName: "M. Lin",
        email: "other@example.com",
        phone: "555 0101",
        lifecycleStage: "Prospect",
        source: "import",
        address: { city: "Berkeley", line1: "1 Main St" },
        healthContext: { allergies: ["nuts"], conditions: [] },
        preferences: { remindersOptIn: false },
      },
    );
    expect(values).toEqual({
      phone: "555 0101",
      address: { city: "Oakland", line1: "1 Main St" },
      healthContext: { allergies: ["nuts"] },
      preferences: { remindersOptIn: false },
    });
    expect(filled).toEqual(["phone", "address.line1", "healthContext.allergies", "preferences.remindersOptIn"]);
  });

  it("changes nothing when the row adds nothing", () => {
    expect(fillEmptyFields({ displayName: "A", email: "a@example.com" }, { displayName: "A" })).toEqual({
      values: {},
      filled: [],
    });
  });
});
