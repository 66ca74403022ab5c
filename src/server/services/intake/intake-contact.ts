import { createContactInput, type CreateContactInput } from "@/lib/contracts/contacts";
import type { IntakeSubmission } from "@/lib/contracts/intake";

/**
 * The client record an intake form becomes, passed through the same contract as a practitioner's
 * "add client", so intake can never store what the client screens would refuse.
 */
export function intakeContactFields(form: IntakeSubmission): CreateContactInput {
  return createContactInput.parse({
    displayName: `${form.firstName} ${form.lastName}`,
    firstName: form.firstName,
    lastName: form.lastName,
    email: form.email,
    phone: form.phone ?? null,
    pronouns: form.pronouns ?? null,
    dateOfBirth: form.dateOfBirth ?? null,
    address: form.address ?? null,
    emergencyContact: form.emergencyContact ?? null,
    healthContext: form.healthContext ?? null,
    preferences: form.preferences ?? null,
    source: "intake",
  });
}
