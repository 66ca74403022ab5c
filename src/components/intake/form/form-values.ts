import type { PREFERRED_CHANNELS } from "@/lib/contracts/contacts";
import type { IntakeSubmissionInput } from "@/lib/contracts/intake";

/** A text field's value, or "" when absent (the contract turns blanks into "not given"). */
function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** One entry per non-empty line, for the health lists. */
function lines(data: FormData, name: string): string[] {
  return text(data, name)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

const HEALTH_LISTS = ["conditions", "allergies", "medications", "contraindications"] as const;
const ADDRESS_FIELDS = ["line1", "line2", "city", "region", "postalCode", "country"] as const;

/**
 * The intake form's fields in the shape of the shared contract, before validation: the browser
 * checks this with `intakeSubmissionInput` and the server checks the same object again.
 */
export function intakeValuesFrom(
  data: FormData,
  extra: { consents: IntakeSubmissionInput["consents"]; drawnSignature: string | null },
): IntakeSubmissionInput {
  const channel = text(data, "preferences.preferredChannel");
  return {
    firstName: text(data, "firstName"),
    lastName: text(data, "lastName"),
    email: text(data, "email"),
    phone: text(data, "phone"),
    pronouns: text(data, "pronouns"),
    dateOfBirth: text(data, "dateOfBirth") || null,
    address: Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, text(data, `address.${field}`)])),
    emergencyContact: {
      name: text(data, "emergencyContact.name"),
      relation: text(data, "emergencyContact.relation"),
      phone: text(data, "emergencyContact.phone"),
    },
    healthContext: {
      ...Object.fromEntries(HEALTH_LISTS.map((list) => [list, lines(data, `healthContext.${list}`)])),
      notes: text(data, "healthContext.notes"),
    },
    preferences: {
      // Whatever the select sent, the contract checks it against the channel list.
      preferredChannel: channel === "" ? null : (channel as (typeof PREFERRED_CHANNELS)[number]),
      remindersOptIn: data.get("preferences.remindersOptIn") === "on",
      sessionNotes: text(data, "preferences.sessionNotes"),
    },
    consents: extra.consents,
    signature: { typedName: text(data, "signature.typedName"), drawn: extra.drawnSignature },
    website: text(data, "website"),
  };
}
