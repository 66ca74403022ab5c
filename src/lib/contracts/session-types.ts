import { z } from "@/lib/zod";
import { plainText } from "./contacts";
import { tagColorSchema } from "./tags";

/** Contracts for `/api/session-types/*`, shared by the route handlers and Settings → Session types. */

export const LOCATION_KINDS = ["in_person", "phone", "video"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const LOCATION_LABELS: Record<LocationKind, string> = {
  in_person: "In person",
  phone: "Phone",
  video: "Video call",
};

const minutes = (min: number, max: number, what: string) =>
  z
    .number({ message: `Enter ${what} in minutes` })
    .int({ message: "Use whole minutes" })
    .min(min, { message: `Use at least ${min} minutes` })
    .max(max, { message: `Use at most ${max} minutes` });

/** A displayed price as decimal text ("80", "79.50"); nothing is ever charged. */
const price = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\.\d{1,2})?$/, { message: "Use a price like 80 or 79.50" })
  .nullable();
const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { message: "Use a three-letter currency code, like EUR" })
  .transform((value) => value.toUpperCase())
  .nullable();

const fields = {
  name: plainText(80).min(1, { message: "Enter a name" }),
  durationMinutes: minutes(5, 720, "the length"),
  price: price.optional(),
  currency: currency.optional(),
  color: tagColorSchema,
  bufferBeforeMinutes: minutes(0, 240, "the buffer"),
  bufferAfterMinutes: minutes(0, 240, "the buffer"),
  minNoticeMinutes: minutes(0, 43_200, "the notice"),
  maxDaysAhead: z
    .number({ message: "Enter a number of days" })
    .int({ message: "Use whole days" })
    .min(1, { message: "Use at least 1 day" })
    .max(730, { message: "Use at most 730 days" }),
  clientBookable: z.boolean(),
  locationKind: z.enum(LOCATION_KINDS),
  locationDetail: plainText(500)
    .transform((value) => (value === "" ? null : value))
    .nullable(),
  archived: z.boolean(),
};

/** A price needs its currency and a currency its price. */
function priceHasCurrency(value: { price?: string | null | undefined; currency?: string | null | undefined }) {
  if (value.price === undefined && value.currency === undefined) return true;
  return (value.price ?? null) === null ? (value.currency ?? null) === null : (value.currency ?? null) !== null;
}
const PRICE_REFINEMENT = { message: "Give the price and its currency together", path: ["currency"] };

/** `POST /api/session-types`: only the name and length are required. */
export const createSessionTypeInput = z
  .strictObject({
    ...fields,
    color: fields.color.optional(),
    bufferBeforeMinutes: fields.bufferBeforeMinutes.optional(),
    bufferAfterMinutes: fields.bufferAfterMinutes.optional(),
    minNoticeMinutes: fields.minNoticeMinutes.optional(),
    maxDaysAhead: fields.maxDaysAhead.optional(),
    clientBookable: fields.clientBookable.optional(),
    locationKind: fields.locationKind.optional(),
    locationDetail: fields.locationDetail.optional(),
    archived: fields.archived.optional(),
  })
  .refine(priceHasCurrency, PRICE_REFINEMENT);

/** `PATCH /api/session-types/:id`: only the fields sent change; price and currency change together. */
export const updateSessionTypeInput = z
  .strictObject({
    name: fields.name.optional(),
    durationMinutes: fields.durationMinutes.optional(),
    price: fields.price,
    currency: fields.currency,
    color: fields.color.optional(),
    bufferBeforeMinutes: fields.bufferBeforeMinutes.optional(),
    bufferAfterMinutes: fields.bufferAfterMinutes.optional(),
    minNoticeMinutes: fields.minNoticeMinutes.optional(),
    maxDaysAhead: fields.maxDaysAhead.optional(),
    clientBookable: fields.clientBookable.optional(),
    locationKind: fields.locationKind.optional(),
    locationDetail: fields.locationDetail.optional(),
    archived: fields.archived.optional(),
  })
  .refine((value) => (value.price === undefined) === (value.currency === undefined), {
    message: "Send the price and its currency together",
    path: ["currency"],
  })
  .refine(priceHasCurrency, PRICE_REFINEMENT);

export const sessionTypeIdParams = z.object({ id: z.uuid() });

export const sessionTypeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  durationMinutes: z.number().int(),
  price: z.string().nullable(),
  currency: z.string().nullable(),
  color: z.string(),
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  minNoticeMinutes: z.number().int(),
  maxDaysAhead: z.number().int(),
  clientBookable: z.boolean(),
  locationKind: z.enum(LOCATION_KINDS),
  locationDetail: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const sessionTypeListResponse = z.object({ items: z.array(sessionTypeSchema) });

export type CreateSessionTypeInput = z.output<typeof createSessionTypeInput>;
export type UpdateSessionTypeInput = z.output<typeof updateSessionTypeInput>;
export type SessionType = z.infer<typeof sessionTypeSchema>;

/** What a practitioner with no session types starts from (created on the first visit, editable like any other). */
export const DEFAULT_SESSION_TYPE = {
  name: "Initial consultation",
  durationMinutes: 60,
  bufferAfterMinutes: 15,
  locationKind: "in_person",
} as const satisfies Partial<CreateSessionTypeInput>;
