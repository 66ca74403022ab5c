import { z } from "@/lib/zod";
import { CONTACT_SOURCES, LIFECYCLE_STAGES, contactSummarySchema, instant, plainText } from "./contacts";

/** Query strings of `GET /api/contacts` and `GET /api/contacts/count`. */

/** `stage=Prospect,VIP Client`: one or more values from a fixed list. */
const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1, { message: "Choose at least one value" }));

const flag = z.enum(["true", "false"]).transform((value) => value === "true");

/** Filters shared by the list, the count and (later) the CSV export of the filtered set. */
export const contactFiltersQuery = z.object({
  /** Partial name, email or phone digits, or words from the client's notes. */
  q: plainText(200).optional(),
  stage: commaList(LIFECYCLE_STAGES).optional(),
  /** A tag id: only clients carrying that tag. */
  tag: z.uuid().optional(),
  source: commaList(CONTACT_SOURCES).optional(),
  hasEmail: flag.optional(),
  hasPhone: flag.optional(),
  /** Clients an intake form created or updated that the practitioner has not opened yet. */
  newFromIntake: flag.optional(),
  /** Inclusive lower bound on when the client was added. */
  createdFrom: instant.optional(),
  /** Exclusive upper bound on when the client was added. */
  createdTo: instant.optional(),
});

/** `relevance` (the default when `q` is given) puts name matches first, then email/phone, then notes. */
export const CONTACT_SORTS = ["name", "created", "updated", "lastVisit", "relevance"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

export const listContactsQuery = contactFiltersQuery.extend({
  /** Default: `relevance` with `q`, else `name`. */
  sort: z.enum(CONTACT_SORTS).optional(),
  /** Default: ascending for name and relevance, newest first for dates. */
  order: z.enum(["asc", "desc"]).optional(),
  /** `nextCursor` of the previous page, unchanged; only valid with the same sort and order. */
  cursor: z.string().min(1).max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export type ContactFilters = z.output<typeof contactFiltersQuery>;
export type ListContactsQuery = z.output<typeof listContactsQuery>;

export const contactListResponse = z.object({
  items: z.array(contactSummarySchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});

export const contactCountResponse = z.object({ count: z.number().int().nonnegative() });

export type ContactListResponse = z.infer<typeof contactListResponse>;
export type ContactCountResponse = z.infer<typeof contactCountResponse>;
