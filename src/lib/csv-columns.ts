/**
 * The clients CSV: one column per client field, in export order. Nested JSON fields are flattened
 * to one column per key (`address.city` → "Address city"). Import maps a file's columns onto the
 * importable fields, suggesting a field from each header through the synonyms below.
 */

/** How a cell is written and read: plain text, a calendar date, an instant, a `;` list, yes/no, or one of a fixed set. */
export type CsvCellKind = "text" | "date" | "instant" | "list" | "boolean" | "choice";

export interface CsvColumn {
  /** Where the value sits on a client: a top-level field, or `object.key` inside a JSON field. */
  field: string;
  header: string;
  kind: CsvCellKind;
  /** Export-only columns (ids and timestamps the database owns) are never read back. */
  importable: boolean;
  /** Other headers people use for this field, compared after normalising (case, spaces, punctuation). */
  synonyms: readonly string[];
  /** What a cell should look like, shown beside the field when mapping. */
  hint?: string;
}

const column = (
  field: string,
  header: string,
  synonyms: readonly string[] = [],
  extra: { kind?: CsvCellKind; importable?: boolean; hint?: string } = {},
): CsvColumn => ({
  field,
  header,
  synonyms,
  kind: extra.kind ?? "text",
  importable: extra.importable ?? true,
  ...(extra.hint === undefined ? {} : { hint: extra.hint }),
});

const LIST_HINT = "Separate items with ;";

export const CSV_COLUMNS: readonly CsvColumn[] = [
  column("id", "ID", [], { importable: false }),
  column("displayName", "Display name", ["name", "full name", "client", "client name", "contact name"]),
  column("firstName", "First name", ["first", "given name", "forename"]),
  column("lastName", "Last name", ["last", "surname", "family name"]),
  column("email", "Email", ["e-mail", "email address", "e-mail address", "mail"]),
  column("phone", "Phone", ["phone number", "mobile", "mobile phone", "cell", "cell phone", "telephone", "tel"]),
  column("pronouns", "Pronouns"),
  column("dateOfBirth", "Date of birth", ["dob", "birthday", "birth date", "birthdate"], {
    kind: "date",
    hint: "YYYY-MM-DD",
  }),
  column("source", "Source", [], { kind: "choice", hint: "manual, intake, import, calendar or gmail" }),
  column("referralSource", "Referral source", ["referral", "referred by", "referrer"]),
  column("lifecycleStage", "Lifecycle stage", ["stage", "status", "lifecycle", "client stage"], {
    kind: "choice",
    hint: "Prospect, New Client, Core Client, Referral Champion, VIP Client, At Risk Client or Lost Client",
  }),
  column("tags", "Tags", ["tag", "labels", "groups"], { kind: "list", hint: LIST_HINT }),
  column("address.line1", "Address line 1", ["address", "street", "street address", "address 1", "address1"]),
  column("address.line2", "Address line 2", ["address 2", "address2", "apartment", "suite", "unit"]),
  column("address.city", "Address city", ["city", "town"]),
  column("address.region", "Address region", ["region", "state", "province", "county"]),
  column("address.postalCode", "Address postal code", ["postal code", "postcode", "zip", "zip code", "zipcode"]),
  column("address.country", "Address country", ["country"]),
  column("emergencyContact.name", "Emergency contact name", ["emergency contact", "emergency name"]),
  column("emergencyContact.relation", "Emergency contact relation", [
    "emergency relation",
    "emergency contact relationship",
  ]),
  column("emergencyContact.phone", "Emergency contact phone", ["emergency phone", "emergency contact number"]),
  column("healthContext.conditions", "Health conditions", ["conditions"], { kind: "list", hint: LIST_HINT }),
  column("healthContext.allergies", "Health allergies", ["allergies"], { kind: "list", hint: LIST_HINT }),
  column("healthContext.medications", "Health medications", ["medications", "medication"], {
    kind: "list",
    hint: LIST_HINT,
  }),
  column("healthContext.contraindications", "Health contraindications", ["contraindications"], {
    kind: "list",
    hint: LIST_HINT,
  }),
  column("healthContext.notes", "Health notes", ["medical notes", "health note"]),
  column("preferences.sessionNotes", "Preferences session notes", ["session notes", "session preferences"]),
  column("preferences.preferredChannel", "Preferences preferred channel", ["preferred channel", "contact preference"], {
    kind: "choice",
    hint: "email, sms, phone, whatsapp or none",
  }),
  column("preferences.remindersOptIn", "Preferences reminders opt-in", ["reminders", "reminders opt in"], {
    kind: "boolean",
    hint: "yes or no",
  }),
  column("createdAt", "Created at", ["created", "date added", "added", "client since"], {
    kind: "instant",
    hint: "2024-03-01 or 2024-03-01T09:30:00Z",
  }),
  column("updatedAt", "Updated at", [], { kind: "instant", importable: false }),
  column("lastVisitAt", "Last visit at", ["last visit", "last session", "last appointment"], {
    kind: "instant",
    hint: "2024-03-01 or 2024-03-01T09:30:00Z",
  }),
];

export const IMPORTABLE_COLUMNS = CSV_COLUMNS.filter((entry) => entry.importable);

/** The fields a file's column can be mapped to. */
export const IMPORTABLE_FIELDS = IMPORTABLE_COLUMNS.map((entry) => entry.field) as [string, ...string[]];

export function csvColumnFor(field: string): CsvColumn | undefined {
  return CSV_COLUMNS.find((entry) => entry.field === field);
}

/** "E-mail Address " → "emailaddress": headers compared without case, spaces or punctuation. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const FIELD_BY_HEADER = new Map<string, string>();
for (const entry of IMPORTABLE_COLUMNS) {
  for (const name of [entry.header, entry.field, ...entry.synonyms]) {
    const key = normaliseHeader(name);
    if (!FIELD_BY_HEADER.has(key)) FIELD_BY_HEADER.set(key, entry.field);
  }
}

/** A field per header where one fits, each field used at most once (the first header that claims it wins). */
export function suggestMapping(headers: readonly string[]): (string | null)[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
