import type { FieldErrors, FieldValues } from "react-hook-form";
import type { ApiError } from "@/lib/api-client";

/**
 * Every path a form's values hold, groups included (`address` and `address.city`): the places an
 * error can be shown. Arrays are one field each (a list edited as lines of text, a set of choices).
 */
export function formPaths(values: FieldValues, prefix = ""): Set<string> {
  const paths = new Set<string>();
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    paths.add(path);
    if (isPlainObject(value)) for (const nested of formPaths(value, path)) paths.add(nested);
  }
  return paths;
}

/**
 * The form field a contract path belongs to: the path itself, or its nearest parent the form has
 * (`healthContext.conditions.2` → `healthContext.conditions`, `consents.0.granted` → `consents`).
 */
export function formPathFor(path: string, paths: ReadonlySet<string>): string | null {
  const parts = path.split(".");
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join(".");
    if (paths.has(candidate)) return candidate;
  }
  return null;
}

export interface MappedErrors {
  /** First message per form field. */
  fields: Record<string, string>;
  /** Messages about paths the form does not show (they join the form-level alert). */
  unplaced: string[];
}

/** Places `{ path: message }` pairs on the form's fields; what has no field is kept for the alert. */
export function placeErrors(errors: Iterable<readonly [string, string]>, paths: ReadonlySet<string>): MappedErrors {
  const mapped: MappedErrors = { fields: {}, unplaced: [] };
  for (const [path, message] of errors) {
    const field = formPathFor(path, paths);
    if (field === null) {
      if (!mapped.unplaced.includes(message)) mapped.unplaced.push(message);
    } else {
      mapped.fields[field] ??= message;
    }
  }
  return mapped;
}

/** The API's one JSON error shape, placed on the form: `details[].path` onto fields, the message on the alert. */
export function apiErrorOnForm(error: ApiError, paths: ReadonlySet<string>): MappedErrors {
  return placeErrors(Object.entries(error.fieldErrors), paths);
}

/** react-hook-form's nested errors as `[path, message]` pairs (`address.city`, `consents.0.granted`). */
export function flattenFormErrors(errors: FieldErrors, prefix = ""): [string, string][] {
  const flat: [string, string][] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const { message } = value as { message?: unknown };
    if (typeof message === "string" && message) flat.push([path, message]);
    flat.push(...flattenFormErrors(value as FieldErrors, path));
  }
  return flat;
}

function isPlainObject(value: unknown): value is FieldValues {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date) && !isFile(value)
  );
}

function isFile(value: object): boolean {
  return typeof Blob !== "undefined" && value instanceof Blob;
}
