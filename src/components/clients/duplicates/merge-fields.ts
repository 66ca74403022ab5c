import { SOURCE_LABELS } from "@/lib/contact-display";
import type { Contact, MergeableField } from "@/lib/contracts/contacts";

/** The rows of the side-by-side view, in the order the client page shows them. */
export const MERGE_ROWS: { field: MergeableField; label: string }[] = [
  { field: "displayName", label: "Name" },
  { field: "firstName", label: "First name" },
  { field: "lastName", label: "Last name" },
  { field: "email", label: "Email" },
  { field: "phone", label: "Phone" },
  { field: "pronouns", label: "Pronouns" },
  { field: "dateOfBirth", label: "Date of birth" },
  { field: "photoPath", label: "Photo" },
  { field: "lifecycleStage", label: "Stage" },
  { field: "source", label: "Added from" },
  { field: "referralSource", label: "Referred by" },
  { field: "address", label: "Address" },
  { field: "emergencyContact", label: "Emergency contact" },
  { field: "healthContext", label: "Health" },
  { field: "preferences", label: "Preferences" },
  { field: "lastVisitAt", label: "Last visit" },
];

/** Every text inside a JSON value, flattened: "12 Elm St, Leeds" or "asthma, latex". */
function flatten(value: unknown): string[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).flatMap(flatten);
  return typeof value === "string" || typeof value === "number" ? [String(value)] : [];
}

/** One field of one record as the row shows it; null when the record has nothing there. */
export function fieldText(contact: Contact, field: MergeableField): string | null {
  const value = contact[field];
  if (field === "photoPath") return value ? "Has a photo" : null;
  if (field === "source") return SOURCE_LABELS[contact.source];
  if (field === "lastVisitAt") return contact.lastVisitAt ? contact.lastVisitAt.slice(0, 10) : null;
  const parts = flatten(value);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Whether the two records differ on a field (an empty value and a missing one are the same). */
export function differs(primary: Contact, duplicate: Contact, field: MergeableField): boolean {
  return JSON.stringify(primary[field] ?? null) !== JSON.stringify(duplicate[field] ?? null);
}

/** The side a row starts on: the only filled-in value, else the more recently updated record's. */
export function defaultSide(primary: Contact, duplicate: Contact, field: MergeableField): "primary" | "duplicate" {
  const [kept, other] = [fieldText(primary, field), fieldText(duplicate, field)];
  if (kept === null && other !== null) return "duplicate";
  if (other === null) return "primary";
  return duplicate.updatedAt > primary.updatedAt ? "duplicate" : "primary";
}
