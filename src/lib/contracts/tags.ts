import { z } from "@/lib/zod";
import { plainText } from "./contacts";

/** Contracts for `/api/tags/*`, shared by the route handlers and Settings → Tags. */

/** `#rrggbb`, stored in lower case. */
export const tagColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "Use a colour like #3b82f6" })
  .transform((value) => value.toLowerCase());

const tagName = plainText(60).min(1, { message: "Enter a name" });
const tagCategory = plainText(60)
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional();

/** `POST /api/tags`. A name already used (in any letter case) answers 409. */
export const createTagInput = z.strictObject({
  name: tagName,
  color: tagColorSchema.optional(),
  category: tagCategory,
});

/** `PATCH /api/tags/:id`: only the fields sent change. */
export const updateTagInput = z.strictObject({
  name: tagName.optional(),
  color: tagColorSchema.optional(),
  category: tagCategory,
});

export const tagIdParams = z.object({ id: z.uuid() });

export const tagSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  category: z.string().nullable(),
  createdAt: z.string(),
  /** How many of the practitioner's clients carry the tag. */
  usageCount: z.number().int().nonnegative(),
});

export const tagListResponse = z.object({ items: z.array(tagSchema) });

export type CreateTagInput = z.output<typeof createTagInput>;
export type UpdateTagInput = z.output<typeof updateTagInput>;
export type Tag = z.infer<typeof tagSchema>;
export type TagListResponse = z.infer<typeof tagListResponse>;
