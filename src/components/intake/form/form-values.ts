import type { ConsentDocument } from "@/lib/contracts/consents";
import type { PREFERRED_CHANNELS } from "@/lib/contracts/contacts";
import { intakeSubmissionInput, type IntakeSubmissionInput } from "@/lib/contracts/intake";

const HEALTH_LISTS = ["conditions", "allergies", "medications", "contraindications"] as const;
const ADDRESS_FIELDS = ["line1", "line2", "city", "region", "postalCode", "country"] as const;

/** What the intake form's controls hold: text as typed, each consent answered yes, no or not yet (null). */
export interface IntakeFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  pronouns: string;
  dateOfBirth: string;
  address: Record<(typeof ADDRESS_FIELDS)[number], string>;
  emergencyContact: { name: string; relation: string; phone: string };
  /** The lists one entry per line. */
  healthContext: Record<(typeof HEALTH_LISTS)[number] | "notes", string>;
  preferences: { preferredChannel: string; remindersOptIn: boolean; sessionNotes: string };
  consents: Record<string, boolean | null>;
  signature: { typedName: string; drawn: string | null };
  /** The hidden field bots fill in. */
  website: string;
  /** Sent beside the answers, not inside them. */
  photo: File | null;
}

/** A blank form for these consent documents. */
export function blankIntakeForm(documents: readonly Pick<ConsentDocument, "id">[]): IntakeFormValues {
  const blank = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, ""]));
  return {
    firstName: "",
    lastName: "",
    email: "",
    phone: "",
    pronouns: "",
    dateOfBirth: "",
    address: blank(ADDRESS_FIELDS) as IntakeFormValues["address"],
    emergencyContact: { name: "", relation: "", phone: "" },
    healthContext: blank([...HEALTH_LISTS, "notes"]) as IntakeFormValues["healthContext"],
    preferences: { preferredChannel: "", remindersOptIn: false, sessionNotes: "" },
    consents: Object.fromEntries(documents.map((document) => [document.id, null])),
    signature: { typedName: "", drawn: null },
    website: "",
    photo: null,
  };
}

/** One entry per non-empty line, for the health lists. */
function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The intake form's values in the shape of the shared contract, before validation: the browser
 * checks this with `intakeSubmissionInput` and the server checks the same object again. Consents not
 * answered yet are left out (the form's contract asks for them).
 */
export function intakeInputFrom(values: IntakeFormValues): IntakeSubmissionInput {
  const channel = values.preferences.preferredChannel;
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    pronouns: values.pronouns,
    dateOfBirth: values.dateOfBirth || null,
    address: { ...values.address },
    emergencyContact: { ...values.emergencyContact },
    healthContext: {
      ...Object.fromEntries(HEALTH_LISTS.map((list) => [list, lines(values.healthContext[list])])),
      notes: values.healthContext.notes,
    },
    preferences: {
      // Whatever the select sent, the contract checks it against the channel list.
      preferredChannel: channel === "" ? null : (channel as (typeof PREFERRED_CHANNELS)[number]),
      remindersOptIn: values.preferences.remindersOptIn,
      sessionNotes: values.preferences.sessionNotes,
    },
    consents: Object.entries(values.consents).flatMap(([documentId, granted]) =>
      granted === null ? [] : [{ documentId, granted }],
    ),
    signature: { typedName: values.signature.typedName, drawn: values.signature.drawn },
    website: values.website,
  };
}

/** The server's contract, plus what only the form knows: every consent shown is answered, the required ones agreed to. */
export function intakeFormContract(documents: readonly Pick<ConsentDocument, "id" | "required">[]) {
  return intakeSubmissionInput.superRefine((submission, ctx) => {
    const answers = new Map(submission.consents.map((consent) => [consent.documentId, consent.granted]));
    const message = documents.some((document) => document.required && answers.get(document.id) !== true)
      ? "Please agree to the required consent to continue."
      : documents.some((document) => !answers.has(document.id))
        ? "Please answer every consent."
        : null;
    if (message) ctx.addIssue({ code: "custom", path: ["consents"], message });
  });
}
