import { z } from "@/lib/zod";

/** Contracts for `/api/contacts/*`, shared by the route handlers, the client forms and CSV import. */

export const LIFECYCLE_STAGES = [
  "Prospect",
  "New Client",
  "Core Client",
  "Referral Champion",
  "VIP Client",
  "At Risk Client",
  "Lost Client",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const CONTACT_SOURCES = ["manual", "intake", "import", "calendar", "gmail"] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const PREFERRED_CHANNELS = ["email", "sms", "phone", "whatsapp", "none"] as const;

/** Half of a UTF-16 pair without its other half: no character at all, and jsonb refuses its escape. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text the database can store: Postgres refuses NUL characters in text and jsonb. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters` })
    // NUL and unpaired surrogates: Postgres stores neither (text refuses NUL, jsonb a lone \ud800 escape).
    .refine((value) => !value.includes("\u0000") && !LONE_SURROGATE.test(value), {
      message: "Contains a character that is not allowed",
    });

/** An optional text field: blank means "not set" and is stored as null. */
const optionalText = (max: number) =>
  plainText(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

const textList = z.array(plainText(200).min(1)).max(50);

/** A calendar date (`YYYY-MM-DD`) that exists, e.g. no 30 February. */
export const calendarDate = z.iso.date().refine(
  // Refinements also run on text the format check refused, so this must not throw on garbage.
  (value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  },
  { message: "Not a real date" },
);

/** An instant with an explicit offset, passed on in canonical UTC form. */
export const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2999, {
    message: "Use a date between 1900 and 2999",
  })
  .transform((date) => date.toISOString());

export const phoneSchema = plainText(40)
  .refine((value) => value === "" || /^[0-9+()./\s-]+$/.test(value), {
    message: "Use digits, spaces and + ( ) - . only",
  })
  .refine((value) => value === "" || value.replace(/\D/g, "").length >= 3, { message: "Enter at least 3 digits" });

export const contactEmailSchema = plainText(320).refine((value) => value === "" || z.email().safeParse(value).success, {
  message: "Enter a valid email address",
});

export const addressSchema = z.strictObject({
  line1: optionalText(200),
  line2: optionalText(200),
  city: optionalText(120),
  region: optionalText(120),
  postalCode: optionalText(20),
  country: optionalText(120),
});

export const emergencyContactSchema = z.strictObject({
  name: optionalText(200),
  relation: optionalText(80),
  phone: phoneSchema
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
});

export const healthContextSchema = z.strictObject({
  conditions: textList.optional(),
  allergies: textList.optional(),
  medications: textList.optional(),
  contraindications: textList.optional(),
  notes: optionalText(5000),
});

export const preferencesSchema = z.strictObject({
  sessionNotes: optionalText(2000),
  preferredChannel: z.enum(PREFERRED_CHANNELS).nullable().optional(),
  remindersOptIn: z.boolean().optional(),
});

export type Address = z.output<typeof addressSchema>;
export type EmergencyContact = z.output<typeof emergencyContactSchema>;
export type HealthContext = z.output<typeof healthContextSchema>;
export type ContactPreferences = z.output<typeof preferencesSchema>;

/** The longest name a client record holds (an intake's "first last" included). */
export const DISPLAY_NAME_MAX = 200;

/** Every field a practitioner edits; all optional here, `displayName` is required on create. */
const editableFields = {
  displayName: plainText(DISPLAY_NAME_MAX).min(1, { message: "Enter a name" }),
  firstName: optionalText(100),
  lastName: optionalText(100),
  email: contactEmailSchema
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  phone: phoneSchema
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  pronouns: optionalText(40),
  dateOfBirth: calendarDate
    .refine((value) => value >= "1900-01-01" && value <= new Date().toISOString().slice(0, 10), {
      message: "Use a date between 1900 and today",
    })
    .nullable()
    .optional(),
  referralSource: optionalText(200),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  address: addressSchema.nullable().optional(),
  emergencyContact: emergencyContactSchema.nullable().optional(),
  healthContext: healthContextSchema.nullable().optional(),
  preferences: preferencesSchema.nullable().optional(),
  lastVisitAt: instant.nullable().optional(),
};

/** `POST /api/contacts`. A matching email or phone answers 409 unless `allowDuplicate` is true. */
export const createContactInput = z.strictObject({
  ...editableFields,
  source: z.enum(CONTACT_SOURCES).optional(),
  allowDuplicate: z.boolean().optional(),
});

/** `PATCH /api/contacts/:id`: only the fields sent change; null clears a field. */
export const updateContactInput = z.strictObject({
  ...editableFields,
  displayName: editableFields.displayName.optional(),
});

export type CreateContactInput = z.output<typeof createContactInput>;
export type UpdateContactInput = z.output<typeof updateContactInput>;

export const contactIdParams = z.object({ id: z.uuid() });

export const contactTagSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });

/** A row of the clients list: what the table shows, without health details. */
export const contactSummarySchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  photoPath: z.string().nullable(),
  source: z.enum(CONTACT_SOURCES),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  tags: z.array(contactTagSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastVisitAt: z.string().nullable(),
  /** An intake submission created or updated the client and the practitioner has not opened it since. */
  newFromIntake: z.boolean(),
});

/** One client with every field (`GET /api/contacts/:id`, create, update, merge). */
export const contactSchema = contactSummarySchema.extend({
  pronouns: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  referralSource: z.string().nullable(),
  address: z.record(z.string(), z.unknown()).nullable(),
  emergencyContact: z.record(z.string(), z.unknown()).nullable(),
  healthContext: z.record(z.string(), z.unknown()).nullable(),
  preferences: z.record(z.string(), z.unknown()).nullable(),
});

export type ContactSummary = z.infer<typeof contactSummarySchema>;
export type Contact = z.infer<typeof contactSchema>;

/** The body of a 409 on create: which existing client matched, and on what. */
export const duplicateContactDetails = z.object({
  duplicateId: z.uuid(),
  matchedOn: z.enum(["email", "phone"]),
});

/** Ticked clients: at most 500 ids, duplicates dropped. */
export const contactIdList = z
  .array(z.uuid())
  .min(1, { message: "Choose at least one client" })
  .max(500, { message: "Choose at most 500 clients" })
  .transform((ids) => [...new Set(ids)]);

/** `POST /api/contacts/export`: the ticked clients as CSV; every id must be the caller's, or nothing is sent (404). */
export const exportSelectedContactsInput = z.strictObject({ ids: contactIdList });

export type ExportSelectedContactsInput = z.output<typeof exportSelectedContactsInput>;

/** Fields a merge can take from either side. Unlisted fields keep the primary's value, or the duplicate's when the primary's is empty. */
export const MERGEABLE_FIELDS = [
  "displayName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "pronouns",
  "dateOfBirth",
  "photoPath",
  "source",
  "referralSource",
  "lifecycleStage",
  "address",
  "emergencyContact",
  "healthContext",
  "preferences",
  "lastVisitAt",
] as const;
export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/** `POST /api/contacts/:id/merge`: `:id` is kept, `duplicateId` is folded into it and deleted. */
export const mergeContactsInput = z.strictObject({
  duplicateId: z.uuid(),
  fields: z.partialRecord(z.enum(MERGEABLE_FIELDS), z.enum(["primary", "duplicate"])).default({}),
});

export type MergeContactsInput = z.output<typeof mergeContactsInput>;

export const mergeContactsResponse = z.object({
  contact: contactSchema,
  merged: z.object({
    duplicateId: z.uuid(),
    fromDuplicate: z.array(z.enum(MERGEABLE_FIELDS)),
    notesMoved: z.number().int(),
    tagsMoved: z.number().int(),
    consentsMoved: z.number().int(),
  }),
});

export type MergeContactsResponse = z.infer<typeof mergeContactsResponse>;
