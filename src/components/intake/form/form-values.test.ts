import { describe, expect, it } from "vitest";
import { intakeSubmissionInput } from "@/lib/contracts/intake";
import { blankIntakeForm, intakeFormContract, intakeInputFrom, type IntakeFormValues } from "./form-values";

const DOCUMENT_ID = "6f1c1d3e-8a57-4a8e-9a0b-3c1d2e4f5a6b";
const OPTIONAL_ID = "7a2d2e4f-9b68-4b9f-8b1c-4d2e3f5a6b7c";

/** A form with these answers, the one consent agreed to. */
function form(answers: Partial<IntakeFormValues> & { drawn?: string | null } = {}): IntakeFormValues {
  const { drawn = null, ...fields } = answers;
  const blank = blankIntakeForm([{ id: DOCUMENT_ID }]);
  return {
    ...blank,
    ...fields,
    consents: fields.consents ?? { [DOCUMENT_ID]: true },
    signature: { typedName: fields.signature?.typedName ?? "", drawn },
  };
}

describe("intake form values", () => {
  it("a form with only the required answers passes the server's contract, blanks stored as not given", () => {
    const values = intakeInputFrom(
      form({
        firstName: "Ana",
        lastName: "Silva",
        email: "ana@example.com",
        signature: { typedName: "Ana Silva", drawn: null },
      }),
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
    const blank = blankIntakeForm([{ id: DOCUMENT_ID }]);
    const values = intakeInputFrom(
      form({
        healthContext: { ...blank.healthContext, allergies: " Latex \n\nPeanuts\n" },
        preferences: { preferredChannel: "sms", remindersOptIn: true, sessionNotes: "" },
        drawn: "data:image/png;base64,iVBORw0KGgo=",
      }),
    );
    expect(values.healthContext?.allergies).toEqual(["Latex", "Peanuts"]);
    expect(values.preferences).toMatchObject({ preferredChannel: "sms", remindersOptIn: true });
    expect(values.signature.drawn).toBe("data:image/png;base64,iVBORw0KGgo=");
  });

  it("leaves an unknown channel for the contract to refuse", () => {
    const values = intakeInputFrom(
      form({ preferences: { preferredChannel: "pigeon", remindersOptIn: false, sessionNotes: "" } }),
    );
    const result = intakeSubmissionInput.safeParse(values);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("preferences.preferredChannel");
  });

  it("refuses a first and last name that together are longer than a client record's name, on the last name", () => {
    const name = (length: number) => "n".repeat(length);
    const values = (first: number, last: number) =>
      intakeInputFrom(
        form({
          firstName: name(first),
          lastName: name(last),
          email: "ana@example.com",
          signature: { typedName: "Ana", drawn: null },
        }),
      );
    expect(intakeSubmissionInput.safeParse(values(100, 99)).success).toBe(true);
    const result = intakeSubmissionInput.safeParse(values(100, 100));
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["lastName"]);
  });

  it("asks for the required consent, then for an answer to every consent", () => {
    const documents = [
      { id: DOCUMENT_ID, required: true },
      { id: OPTIONAL_ID, required: false },
    ];
    const issuesOn = (consents: IntakeFormValues["consents"]) =>
      intakeFormContract(documents)
        .safeParse(intakeInputFrom(form({ consents })))
        .error?.issues.filter((issue) => issue.path.join(".") === "consents")
        .map((issue) => issue.message);
    expect(issuesOn({ [DOCUMENT_ID]: false, [OPTIONAL_ID]: true })).toEqual([
      "Please agree to the required consent to continue.",
    ]);
    expect(issuesOn({ [DOCUMENT_ID]: true, [OPTIONAL_ID]: null })).toEqual(["Please answer every consent."]);
    expect(issuesOn({ [DOCUMENT_ID]: true, [OPTIONAL_ID]: false })).toEqual([]);
  });
});
