import { formatCalendarDate } from "@/lib/format/dates";
import type { FormatSettings } from "@/lib/format/settings";
import { PREFERRED_CHANNELS, type Contact } from "@/lib/contracts/contacts";

export type FieldKind = "text" | "email" | "tel" | "date" | "textarea" | "list" | "select" | "checkbox";

export interface DetailField {
  /** The field's path in the contract, e.g. `email` or `address.city`; also the form control's name. */
  path: string;
  label: string;
  kind: FieldKind;
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

export interface DetailSection {
  id: string;
  title: string;
  /** Which of the two columns it sits in on wide screens (each column keeps its place while a section grows). */
  column: 1 | 2;
  fields: readonly DetailField[];
}

const CHANNEL_LABELS: Record<(typeof PREFERRED_CHANNELS)[number], string> = {
  email: "Email",
  sms: "Text message",
  phone: "Phone call",
  whatsapp: "WhatsApp",
  none: "Do not contact",
};

const LIST_HINT = "One per line";

/** The client page's editable sections, in reading order. */
export const DETAIL_SECTIONS: readonly DetailSection[] = [
  {
    id: "contact",
    column: 1,
    title: "Contact",
    fields: [
      { path: "displayName", label: "Name", kind: "text" },
      { path: "firstName", label: "First name", kind: "text" },
      { path: "lastName", label: "Last name", kind: "text" },
      { path: "email", label: "Email", kind: "email" },
      { path: "phone", label: "Phone", kind: "tel" },
      { path: "pronouns", label: "Pronouns", kind: "text" },
      { path: "dateOfBirth", label: "Date of birth", kind: "date" },
      { path: "referralSource", label: "Referred by", kind: "text" },
    ],
  },
  {
    id: "address",
    column: 1,
    title: "Address",
    fields: [
      { path: "address.line1", label: "Street address", kind: "text" },
      { path: "address.line2", label: "Flat, suite or building", kind: "text" },
      { path: "address.city", label: "Town or city", kind: "text" },
      { path: "address.region", label: "County, state or region", kind: "text" },
      { path: "address.postalCode", label: "Postcode", kind: "text" },
      { path: "address.country", label: "Country", kind: "text" },
    ],
  },
  {
    id: "emergency",
    column: 1,
    title: "Emergency contact",
    fields: [
      { path: "emergencyContact.name", label: "Name", kind: "text" },
      { path: "emergencyContact.relation", label: "Relation", kind: "text" },
      { path: "emergencyContact.phone", label: "Phone", kind: "tel" },
    ],
  },
  {
    id: "health",
    column: 2,
    title: "Health context",
    fields: [
      { path: "healthContext.conditions", label: "Conditions", kind: "list", hint: LIST_HINT },
      { path: "healthContext.allergies", label: "Allergies", kind: "list", hint: LIST_HINT },
      { path: "healthContext.medications", label: "Medications", kind: "list", hint: LIST_HINT },
      { path: "healthContext.contraindications", label: "Contraindications", kind: "list", hint: LIST_HINT },
      { path: "healthContext.notes", label: "Other health notes", kind: "textarea" },
    ],
  },
  {
    id: "preferences",
    column: 2,
    title: "Preferences",
    fields: [
      {
        path: "preferences.preferredChannel",
        label: "Preferred contact",
        kind: "select",
        options: [
          { value: "", label: "Not set" },
          ...PREFERRED_CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] })),
        ],
      },
      { path: "preferences.remindersOptIn", label: "Appointment reminders", kind: "checkbox" },
      { path: "preferences.sessionNotes", label: "Session preferences", kind: "textarea" },
    ],
  },
];

/** What a form control holds: text, or ticked for a checkbox. */
export type FieldValue = string | boolean;

function valueAt(contact: Contact, path: string): unknown {
  let value: unknown = contact;
  for (const key of path.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** The control's starting value for a field of this client. */
export function formValue(contact: Contact, field: DetailField): FieldValue {
  const value = valueAt(contact, field.path);
  if (field.kind === "checkbox") return value === true;
  if (field.kind === "list") return Array.isArray(value) ? value.join("\n") : "";
  return typeof value === "string" ? value : "";
}

/** How a field reads when not being edited; null when it is empty. */
export function displayValue(contact: Contact, field: DetailField, settings: FormatSettings): string | null {
  const value = valueAt(contact, field.path);
  if (field.kind === "checkbox") return value === true ? "Yes" : value === false ? "No" : null;
  if (field.kind === "list") return Array.isArray(value) && value.length > 0 ? value.join(", ") : null;
  if (typeof value !== "string" || value === "") return null;
  if (field.kind === "date") return formatCalendarDate(value, settings);
  if (field.kind === "select") return field.options?.find((option) => option.value === value)?.label ?? value;
  return value;
}

/** The control's value as the contract expects it (lines to a list, empty choice to null). */
function contractValue(field: DetailField, value: FieldValue | undefined): unknown {
  if (field.kind === "checkbox") return value === true;
  const text = typeof value === "string" ? value : "";
  if (field.kind === "list")
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
  if ((field.kind === "select" || field.kind === "date") && text === "") return null;
  return text;
}

/**
 * The `PATCH /api/contacts/:id` body for one section, before the contract checks it: its top-level fields, and each nested object
 * (address, emergency contact…) sent whole, since the API replaces it whole.
 */
export function sectionPatch(section: DetailSection, values: Record<string, FieldValue>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of section.fields) {
    const [head = "", key] = field.path.split(".");
    const value = contractValue(field, values[field.path]);
    if (key === undefined) patch[head] = value;
    else patch[head] = { ...(patch[head] as Record<string, unknown> | undefined), [key]: value };
  }
  return patch;
}
