import { startOfZonedDay } from "@/lib/format/dates";
import {
  AUDIT_TARGET_TYPES,
  AUDIT_ACTIONS,
  AUDIT_CATEGORIES,
  type AuditAction,
  type AuditCategory,
  type AuditTargetType,
} from "@/lib/contracts/audit";

/** The filter form's values; empty text means "any". Dates are the reader's local days (yyyy-mm-dd). */
export interface ActivityFilters {
  category: AuditCategory | "";
  action: AuditAction | "";
  targetType: AuditTargetType | "";
  targetId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: ActivityFilters = { category: "", action: "", targetType: "", targetId: "", from: "", to: "" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const isRecordId = (value: string) => UUID.test(value.trim());

const pick = <T extends string>(value: string | undefined, allowed: readonly T[]): T | "" =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : "";

/** Filters from the page's query string (e.g. a link from a client's page), unknown values dropped. */
export function filtersFromSearch(search: Record<string, string | string[] | undefined>): ActivityFilters {
  const text = (name: string) => {
    const value = search[name];
    return typeof value === "string" ? value : undefined;
  };
  const day = (name: string) => (DAY.test(text(name) ?? "") ? (text(name) as string) : "");
  return {
    category: pick(text("category"), Object.keys(AUDIT_CATEGORIES) as AuditCategory[]),
    action: pick(text("action"), Object.keys(AUDIT_ACTIONS) as AuditAction[]),
    targetType: pick(text("targetType"), AUDIT_TARGET_TYPES),
    targetId: isRecordId(text("targetId") ?? "") ? (text("targetId") as string) : "",
    from: day("from"),
    to: day("to"),
  };
}

/**
 * The API query for the filters: days start at midnight in the practitioner's time zone, and the "to"
 * day is included whole (the API's bound is exclusive).
 */
export function filterQuery(filters: ActivityFilters, timeZone: string): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.category) query.set("category", filters.category);
  if (filters.action) query.set("action", filters.action);
  if (filters.targetType) query.set("targetType", filters.targetType);
  if (isRecordId(filters.targetId)) query.set("targetId", filters.targetId.trim());
  if (filters.from) query.set("from", startOfZonedDay(filters.from, timeZone));
  if (filters.to) query.set("to", startOfZonedDay(filters.to, timeZone, 1));
  return query;
}

export function rangeIsValid(filters: ActivityFilters): boolean {
  return !filters.from || !filters.to || filters.from <= filters.to;
}
