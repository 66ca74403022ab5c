import { describe, expect, it } from "vitest";
import { intakeSubmissionInput } from "@/lib/contracts/intake";
import { intakeValuesFrom } from "./form-values";

const consents = [{ documentId: "6f1c1d3e-8a57-4a8e-9a0b-3c1d2e4f5a6b", granted: true }];

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("intake form values", () => {
  it("a form with only the required answers passes the server's contract, blanks stored as not given", () => {
    const values = intakeValuesFrom(
      formData({ firstName: "Ana", lastName: "Silva", email: "ana@example.com", "signature.typedName": "Ana Silva" }),
      { consents, drawnSignature: null },
    );
    const parsed = intakeSubmissionInput.parse(values);
    expect(parsed).toMatchObject({
      phone: null,
      dateOfBirth: null,
      address: { line1: null, city: null },
      emergencyContact: { name: null, phone: null },
      healthContext: { conditions: [], allergies: [], notes: null },
      preferences: { preferredChannel: null, remindersOptIn: false },
      website: "",
    });
  });

  it("splits the health lists by line and reads the checkbox and channel", () => {
    const values = intakeValuesFrom(
      formData({
        "healthContext.allergies": " Latex \n\nPeanuts\n",
        "preferences.preferredChannel": "sms",
        "preferences.remindersOptIn": "on",
      }),
      { consents, drawnSignature: "data:image/png;base64,iVBORw0KGgo=" },
    );
    expect(values.healthContext?.allergies).toEqual(["Latex", "Peanuts"]);
    expect(values.preferences).toMatchObject({ preferredChannel: "sms", remindersOptIn: true });
    expect(values.signature.drawn).toBe("data:image/png;base64,iVBORw0KGgo=");
  });

  it("leaves an unknown channel for the contract to refuse", () => {
    const values = intakeValuesFrom(formData({ "preferences.preferredChannel": "pigeon" }), {
      consents,
      drawnSignature: null,
    });
    const result = intakeSubmissionInput.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("preferences.preferredChannel");
  });

  it("refuses a first and last name that together are longer than a client record's name, on the last name", () => {
    const name = (length: number) => "n".repeat(length);
    const values = (first: number, last: number) =>
      intakeValuesFrom(
        formData({
          firstName: name(first),
          lastName: name(last),
          email: "ana@example.com",
          "signature.typedName": "Ana",
        }),
        { consents, drawnSignature: null },
      );
    expect(intakeSubmissionInput.safeParse(values(100, 99)).success).toBe(true);
    const result = intakeSubmissionInput.safeParse(values(100, 100));
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["lastName"]);
  });
});
