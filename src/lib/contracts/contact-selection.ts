import { formatCount } from "@/lib/format/numbers";
import { z } from "@/lib/zod";
import { contactFiltersQuery } from "./contact-list";
import { contactIdList } from "./contacts";

/**
 * The clients a bulk action applies to: the ticked ones (`{ ids }`), or every client matching the
 * list's search and filters (`{ filter, expectedCount }`, "Select all N matching"). The server finds
 * the matching clients inside the action's own transaction and refuses (409) when their number is no
 * longer `expectedCount`, so nobody acts on a set that changed since they looked.
 */

/**
 * The most clients one action takes by filter. Everything happens in one transaction that writes
 * one audit event listing every id, so the set stays bounded; a practice with more narrows the filters.
 */
export const MAX_MATCHING_SELECTION = 1000;

const tooMany = `At most ${formatCount(MAX_MATCHING_SELECTION)} clients at once: narrow the search or filters`;

/** The list's filters exactly as its query string has them (`{ q: "ann", stage: "VIP Client,Core Client" }`). */
export const contactSelectionFilter = z.strictObject(contactFiltersQuery.shape);

const tickedClients = { ids: contactIdList };
const matchingClients = {
  filter: contactSelectionFilter,
  /** How many clients the practitioner saw matching (the count endpoint's answer). */
  expectedCount: z.number().int().min(1).max(MAX_MATCHING_SELECTION, { message: tooMany }),
};

/** A selection plus the action's own fields, strict on both forms. */
function selectionWith<Shape extends z.ZodRawShape>(fields: Shape) {
  return z.union([z.strictObject({ ...tickedClients, ...fields }), z.strictObject({ ...matchingClients, ...fields })]);
}

/** `POST /api/contacts/bulk-delete`: all or nothing; an id not the caller's is a 404, a changed match a 409. */
export const bulkDeleteContactsInput = selectionWith({});

/** `POST /api/contacts/bulk-tag`: every client and tag must be the caller's, or nothing changes (404). */
export const bulkTagContactsInput = selectionWith({
  tagIds: z
    .array(z.uuid())
    .min(1)
    .max(50)
    .transform((ids) => [...new Set(ids)]),
  action: z.enum(["add", "remove"]).default("add"),
});

/** A selection as the server reads it (parsed). */
export type ContactSelection =
  { ids: string[] } | { filter: z.output<typeof contactSelectionFilter>; expectedCount: number };
/** A selection as the list sends it: the filter as its query string has it (checked by the contract before sending). */
export type ContactSelectionBody = { ids: string[] } | { filter: Record<string, string>; expectedCount: number };
export type BulkDeleteContactsInput = z.output<typeof bulkDeleteContactsInput>;
export type BulkTagContactsInput = z.output<typeof bulkTagContactsInput>;

/** The 409 details when the matching set changed: how many match now (counted up to one past the cap). */
export const selectionChangedDetails = z.object({ expectedCount: z.number().int(), matchingCount: z.number().int() });
