import { startOfZonedDay } from "@/lib/format/dates";
import { z } from "@/lib/zod";
import { CONTACT_SORTS, type ContactSort } from "@/lib/contracts/contact-list";
import { CONTACT_SOURCES, LIFECYCLE_STAGES, type ContactSource, type LifecycleStage } from "@/lib/contracts/contacts";

/**
 * What the clients list shows, as kept in the page URL (so a reload or a shared link keeps it):
 * `?q=ana&stage=VIP Client,Core Client&tag=<id>&source=import&hasEmail=true&createdFrom=2025-01-01&sort=created&order=asc`.
 */
export interface ListParams {
  q: string;
  stages: LifecycleStage[];
  tag: string | null;
  sources: ContactSource[];
  hasEmail: boolean | null;
  hasPhone: boolean | null;
  /** True: only clients an intake form brought in that the practitioner has not opened yet. */
  newFromIntake: boolean | null;
  /** Calendar days in the reader's time zone, both inclusive. */
  createdFrom: string | null;
  createdTo: string | null;
  /** Null: the API's default (relevance while searching, else name). */
  sort: ContactSort | null;
  order: "asc" | "desc" | null;
}

export const EMPTY_LIST_PARAMS: ListParams = {
  q: "",
  stages: [],
  tag: null,
  sources: [],
  hasEmail: null,
  hasPhone: null,
  newFromIntake: null,
  createdFrom: null,
  createdTo: null,
  sort: null,
  order: null,
};

const day = z.iso.date();
const flag = z.enum(["true", "false"]).transform((value) => value === "true");

function listOf<T extends string>(allowed: readonly T[], raw: string | null): T[] {
  const wanted = new Set((raw ?? "").split(",").map((part) => part.trim()));
  return allowed.filter((value) => wanted.has(value));
}

const valueOr = <T>(schema: z.ZodType<T>, raw: string | null, fallback: T): T => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
};

/** Reads the page URL leniently: a value that makes no sense is dropped, never an error page. */
export function parseListParams(search: URLSearchParams): ListParams {
  return {
    q: (search.get("q") ?? "").slice(0, 200),
    stages: listOf(LIFECYCLE_STAGES, search.get("stage")),
    tag: valueOr(z.uuid().nullable(), search.get("tag"), null),
    sources: listOf(CONTACT_SOURCES, search.get("source")),
    hasEmail: valueOr(flag.nullable(), search.get("hasEmail"), null),
    hasPhone: valueOr(flag.nullable(), search.get("hasPhone"), null),
    newFromIntake: valueOr(flag.nullable(), search.get("newFromIntake"), null),
    createdFrom: valueOr(day.nullable(), search.get("createdFrom"), null),
    createdTo: valueOr(day.nullable(), search.get("createdTo"), null),
    sort: valueOr(z.enum(CONTACT_SORTS).nullable(), search.get("sort"), null),
    order: valueOr(z.enum(["asc", "desc"]).nullable(), search.get("order"), null),
  };
}

/** The filters as URL parameters, with days as written (what the page URL keeps). */
function filterEntries(params: ListParams): [string, string][] {
  const entries: [string, string | null][] = [
    ["q", params.q.trim() || null],
    ["stage", params.stages.join(",") || null],
    ["tag", params.tag],
    ["source", params.sources.join(",") || null],
    ["hasEmail", params.hasEmail === null ? null : String(params.hasEmail)],
    ["hasPhone", params.hasPhone === null ? null : String(params.hasPhone)],
    ["newFromIntake", params.newFromIntake === null ? null : String(params.newFromIntake)],
    ["createdFrom", params.createdFrom],
    ["createdTo", params.createdTo],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== null);
}

/** The page URL's query for these params. */
export function pageQuery(params: ListParams): string {
  const entries = filterEntries(params);
  if (params.sort) entries.push(["sort", params.sort]);
  if (params.order) entries.push(["order", params.order]);
  return new URLSearchParams(entries).toString();
}

/**
 * The filters as the API reads them (list, count and export): days become the instants they start at
 * in the practitioner's time zone, the end day included.
 */
export function apiFilterQuery(params: ListParams, timeZone: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of filterEntries(params)) {
    if (name === "createdFrom") search.set(name, startOfZonedDay(value, timeZone));
    else if (name === "createdTo") search.set(name, startOfZonedDay(value, timeZone, 1));
    else search.set(name, value);
  }
  return search;
}

/** The list's query: the filters plus the sort, which only the list takes. */
export function apiListQuery(params: ListParams, timeZone: string): URLSearchParams {
  const search = apiFilterQuery(params, timeZone);
  if (params.sort && !(params.sort === "relevance" && !params.q.trim())) search.set("sort", params.sort);
  if (params.order) search.set("order", params.order);
  return search;
}

/** True when anything narrows the list (search or any filter), as opposed to the practitioner having no clients. */
export function isFiltered(params: ListParams): boolean {
  return filterEntries(params).length > 0;
}

/** Same view, filters cleared; the sort is kept. */
export function withoutFilters(params: ListParams): ListParams {
  return { ...EMPTY_LIST_PARAMS, sort: params.sort === "relevance" ? null : params.sort, order: params.order };
}

const DEFAULT_ORDER: Record<ContactSort, "asc" | "desc"> = {
  name: "asc",
  relevance: "asc",
  created: "desc",
  updated: "desc",
  lastVisit: "desc",
};

/** The sort the API applies to these params, defaults filled in. */
export function effectiveSort(params: ListParams): { sort: ContactSort; order: "asc" | "desc" } {
  const searching = params.q.trim() !== "";
  const requested = params.sort === "relevance" && !searching ? null : params.sort;
  const sort = requested ?? (searching ? "relevance" : "name");
  return { sort, order: params.order ?? DEFAULT_ORDER[sort] };
}

/** A click on a column header: the same column flips its order, another starts at its natural order. */
export function sortedBy(params: ListParams, column: ContactSort): ListParams {
  const current = effectiveSort(params);
  if (current.sort === column) return { ...params, sort: column, order: current.order === "asc" ? "desc" : "asc" };
  return { ...params, sort: column, order: null };
}
