/**
 * The clients CSV: one column per client field, in export order. Nested JSON fields are flattened
 * to one column per key (`address.city` → "Address city"). Import maps a file's columns onto the
 * importable fields, suggesting a field from each header through the synonyms below.
 */

/**
 * How a cell is written and read: plain text, a calendar date, an instant, a `;` list, tags (a `;`
 * list that also reads Google's ` ::: ` groups), yes/no, or one of a fixed set.
 */
export type CsvCellKind = "text" | "date" | "instant" | "list" | "tags" | "boolean" | "choice";

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
  /**
   * Several columns may fill it (an address book's second and third email): the first value becomes
   * the field, the others are kept in the client's first note.
   */
  repeatable?: boolean;
}

const column = (
  field: string,
  header: string,
  synonyms: readonly string[] = [],
  extra: { kind?: CsvCellKind; importable?: boolean; hint?: string; repeatable?: boolean } = {},
): CsvColumn => ({
  field,
  header,
  synonyms,
  kind: extra.kind ?? "text",
  importable: extra.importable ?? true,
  ...(extra.hint === undefined ? {} : { hint: extra.hint }),
  ...(extra.repeatable ? { repeatable: true } : {}),
});

const LIST_HINT = "Separate items with ;";

export const CSV_COLUMNS: readonly CsvColumn[] = [
  column("id", "ID", [], { importable: false }),
  column("displayName", "Display name", ["name", "full name", "client", "client name", "contact name"]),
  column("firstName", "First name", ["first", "given name", "forename"]),
  column("lastName", "Last name", ["last", "surname", "family name"]),
  column("email", "Email", ["e-mail", "email address", "e-mail address", "mail"], {
    repeatable: true,
    hint: "Several email columns: the first is the client's email, the others go in the first note",
  }),
  column("phone", "Phone", ["phone number", "mobile", "mobile phone", "cell", "cell phone", "telephone", "tel"], {
    repeatable: true,
    hint: "Several phone columns: the first is the client's phone, the others go in the first note",
  }),
  column("pronouns", "Pronouns"),
  column("dateOfBirth", "Date of birth", ["dob", "birthday", "birth date", "birthdate"], {
    kind: "date",
    hint: "YYYY-MM-DD, or month/day/year as Outlook writes it",
  }),
  column("source", "Source", [], { kind: "choice", hint: "manual, intake, import, calendar or gmail" }),
  column("referralSource", "Referral source", ["referral", "referred by", "referrer"]),
  column("lifecycleStage", "Lifecycle stage", ["stage", "status", "lifecycle", "client stage"], {
    kind: "choice",
    hint: "Prospect, New Client, Core Client, Referral Champion, VIP Client, At Risk Client or Lost Client",
  }),
  column("tags", "Tags", ["tag", "labels", "groups"], {
    kind: "tags",
    hint: "Separate items with ; (Google's ::: works too)",
  }),
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

/** Fields a file can fill that the export has no column for. */
export const IMPORT_ONLY_COLUMNS: readonly CsvColumn[] = [
  column("note", "First note", ["note", "notes", "comments", "comment", "remarks"], {
    hint: "Becomes the client's first note (a draft)",
  }),
];

export const IMPORTABLE_COLUMNS = [...CSV_COLUMNS.filter((entry) => entry.importable), ...IMPORT_ONLY_COLUMNS];

/** The fields a file's column can be mapped to. */
export const IMPORTABLE_FIELDS = IMPORTABLE_COLUMNS.map((entry) => entry.field) as [string, ...string[]];

export function csvColumnFor(field: string): CsvColumn | undefined {
  return (
    CSV_COLUMNS.find((entry) => entry.field === field) ?? IMPORT_ONLY_COLUMNS.find((entry) => entry.field === field)
  );
}

/** Fields several columns may fill at once. */
export const REPEATABLE_FIELDS: ReadonlySet<string> = new Set(
  IMPORTABLE_COLUMNS.filter((entry) => entry.repeatable).map((entry) => entry.field),
);

interface AddressBookHeader {
  header: string;
  field: string;
  /** Among columns filling one repeatable field, lower ranks come first (Outlook's mobile before its home phone). */
  rank?: number;
}

/**
 * The columns of the address-book exports practitioners move in with, by exact header: Google
 * Contacts ("Google CSV", current and older layouts) and Outlook ("Comma Separated Values"). Only
 * the first address of each is mapped (the client has one); everything else is left out unless
 * chosen when mapping.
 */
export const ADDRESS_BOOK_HEADERS: readonly AddressBookHeader[] = [
  // Google Contacts, current layout
  { header: "First Name", field: "firstName" },
  { header: "Last Name", field: "lastName" },
  ...[1, 2, 3, 4, 5].map((index) => ({ header: `E-mail ${index} - Value`, field: "email" })),
  ...[1, 2, 3, 4, 5].map((index) => ({ header: `Phone ${index} - Value`, field: "phone" })),
  { header: "Address 1 - Street", field: "address.line1" },
  { header: "Address 1 - Extended Address", field: "address.line2" },
  { header: "Address 1 - City", field: "address.city" },
  { header: "Address 1 - Region", field: "address.region" },
  { header: "Address 1 - Postal Code", field: "address.postalCode" },
  { header: "Address 1 - Country", field: "address.country" },
  { header: "Labels", field: "tags" },
  { header: "Notes", field: "note" },
  // Google Contacts, older layout
  { header: "Given Name", field: "firstName" },
  { header: "Family Name", field: "lastName" },
  { header: "Group Membership", field: "tags" },
  // Outlook
  { header: "E-mail Address", field: "email", rank: 0 },
  { header: "E-mail 2 Address", field: "email", rank: 1 },
  { header: "E-mail 3 Address", field: "email", rank: 2 },
  { header: "Primary Phone", field: "phone", rank: 0 },
  { header: "Mobile Phone", field: "phone", rank: 1 },
  { header: "Home Phone", field: "phone", rank: 2 },
  { header: "Home Phone 2", field: "phone", rank: 3 },
  { header: "Business Phone", field: "phone", rank: 4 },
  { header: "Business Phone 2", field: "phone", rank: 5 },
  { header: "Other Phone", field: "phone", rank: 6 },
  { header: "Home Street", field: "address.line1" },
  { header: "Home Street 2", field: "address.line2" },
  { header: "Home City", field: "address.city" },
  { header: "Home State", field: "address.region" },
  { header: "Home Postal Code", field: "address.postalCode" },
  { header: "Home Country/Region", field: "address.country" },
  { header: "Categories", field: "tags" },
];

/** Where a column's values go among others filling the same repeatable field (ties: file order). */
export function columnRank(header: string): number {
  return RANK_BY_HEADER.get(normaliseHeader(header)) ?? Number.MAX_SAFE_INTEGER;
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
const RANK_BY_HEADER = new Map<string, number>();
for (const { header, field, rank } of ADDRESS_BOOK_HEADERS) {
  FIELD_BY_HEADER.set(normaliseHeader(header), field);
  if (rank !== undefined) RANK_BY_HEADER.set(normaliseHeader(header), rank);
}

/**
 * A field per header where one fits. A field is used once (the first header that claims it wins),
 * except the repeatable ones (email, phone), which every column claiming them fills.
 */
export function suggestMapping(headers: readonly string[]): (string | null)[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = FIELD_BY_HEADER.get(normaliseHeader(header));
    if (!field || taken.has(field)) return null;
    if (!REPEATABLE_FIELDS.has(field)) taken.add(field);
    return field;
  });
}
