import { z } from "@/lib/zod";
import {
  addressSchema,
  calendarDate,
  contactEmailSchema,
  DISPLAY_NAME_MAX,
  emergencyContactSchema,
  healthContextSchema,
  phoneSchema,
  plainText,
  preferencesSchema,
} from "./contacts";
import { signatureImageSchema, signatureNameSchema } from "./consents";
import { PHOTO_LIMITS } from "./photos";

/** Contracts for intake links (`/api/intake-links/*`) and the public form (`/api/onboard/:token`). */

export const INTAKE_LINK_LIMITS = {
  minHours: 1,
  maxHours: 168,
  defaultHours: 72,
  minUses: 1,
  maxUses: 100,
  defaultUses: 1,
} as const;

export const INTAKE_LINK_STATUSES = ["active", "used_up", "expired", "revoked"] as const;
export type IntakeLinkStatus = (typeof INTAKE_LINK_STATUSES)[number];

/** `POST /api/intake-links`. */
export const createIntakeLinkInput = z.strictObject({
  label: plainText(120).min(1, { message: "Enter a label" }),
  expiresInHours: z
    .number()
    .int()
    .min(INTAKE_LINK_LIMITS.minHours, { message: "At least 1 hour" })
    .max(INTAKE_LINK_LIMITS.maxHours, { message: "At most 168 hours (7 days)" })
    .default(INTAKE_LINK_LIMITS.defaultHours),
  maxUses: z
    .number()
    .int()
    .min(INTAKE_LINK_LIMITS.minUses, { message: "At least 1 use" })
    .max(INTAKE_LINK_LIMITS.maxUses, { message: "At most 100 uses" })
    .default(INTAKE_LINK_LIMITS.defaultUses),
});
export type CreateIntakeLinkInput = z.output<typeof createIntakeLinkInput>;

export const intakeLinkIdParams = z.object({ id: z.uuid() });

export const intakeLinkSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  status: z.enum(INTAKE_LINK_STATUSES),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  usedCount: z.number().int(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type IntakeLink = z.infer<typeof intakeLinkSchema>;

export interface IntakeLinkListResponse {
  items: IntakeLink[];
}

/** The answer to a create: the only time the token (inside `url`) leaves the server. */
export interface CreatedIntakeLink {
  link: IntakeLink;
  url: string;
}

/** Tokens are 32 random bytes in base64url (43 characters); anything else is not worth a lookup. */
export const intakeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const intakeTokenParams = z.object({ token: z.string().max(200) });

/** One answer for every token that cannot be used, so a visitor cannot tell unknown from expired. */
export const INTAKE_LINK_UNAVAILABLE =
  "This intake link is no longer valid. Please ask your practitioner for a new one.";

/** The largest photo the form accepts, and the whole multipart body around it. */
export const INTAKE_PHOTO_MAX_BYTES = PHOTO_LIMITS.maxBytes;
export const INTAKE_BODY_MAX_BYTES = INTAKE_PHOTO_MAX_BYTES + 512 * 1024;

/** Blank means "not given" and is stored as null. */
const blankAsNull = (value: string) => (value === "" ? null : value);

export const consentDecisionSchema = z.strictObject({
  documentId: z.uuid(),
  granted: z.boolean(),
});

/**
 * The intake form, checked by the same schema in the browser and in `POST /api/onboard/:token`
 * (sent as the `payload` part of a multipart body, the optional photo beside it).
 */
export const intakeSubmissionInput = z
  .strictObject({
    firstName: plainText(100).min(1, { message: "Enter your first name" }),
    lastName: plainText(100).min(1, { message: "Enter your last name" }),
    email: contactEmailSchema.refine((value) => value !== "", { message: "Enter your email address" }),
    phone: phoneSchema.transform(blankAsNull).nullable().optional(),
    pronouns: plainText(40).transform(blankAsNull).nullable().optional(),
    dateOfBirth: calendarDate
      .refine((value) => value >= "1900-01-01" && value <= new Date().toISOString().slice(0, 10), {
        message: "Use a date between 1900 and today",
      })
      .nullable()
      .optional(),
    address: addressSchema.optional(),
    emergencyContact: emergencyContactSchema.optional(),
    healthContext: healthContextSchema.optional(),
    preferences: preferencesSchema.optional(),
    consents: z.array(consentDecisionSchema).max(20),
    signature: z.strictObject({
      typedName: signatureNameSchema,
      drawn: signatureImageSchema.nullable().optional(),
    }),
    /** Hidden from people; a bot that fills it gets a success answer and nothing is written. */
    website: z.string().max(500).optional(),
  })
  .refine(
    // The client's record is named "first last", so the two together must fit a record's name.
    (form) => form.firstName.length + 1 + form.lastName.length <= DISPLAY_NAME_MAX,
    { message: "Your first and last name together are too long", path: ["lastName"] },
  );
export type IntakeSubmissionInput = z.input<typeof intakeSubmissionInput>;
export type IntakeSubmission = z.output<typeof intakeSubmissionInput>;

export interface IntakeSubmitted {
  submitted: true;
}
