import { MERGEABLE_FIELDS, type UpdateContactInput } from "@/lib/contracts/contacts";

/** A client's editable fields, either stored or from a row; JSON fields are plain objects. */
export type ContactFields = Partial<Record<(typeof MERGEABLE_FIELDS)[number], unknown>>;

/** Never taken from a row into a client it merges with: the client keeps its name, photo and origin. */
const KEPT = new Set<string>(["displayName", "photoPath", "source"]);
const FILLABLE = MERGEABLE_FIELDS.filter((field) => !KEPT.has(field));
/** JSON fields are filled key by key, the way the CSV has one column per key. */
const OBJECT_FIELDS = new Set<string>(["address", "emergencyContact", "healthContext", "preferences"]);

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/**
 * What a duplicate row adds to the client it merges into: only fields (and keys of JSON fields)
 * that are empty on the client and set on the row. Nothing already there is overwritten.
 */
export function fillEmptyFields(
  target: ContactFields,
  from: ContactFields,
): { values: UpdateContactInput; filled: string[] } {
  const values: Record<string, unknown> = {};
  const filled: string[] = [];
  for (const field of FILLABLE) {
    const incoming = from[field];
    if (!OBJECT_FIELDS.has(field)) {
      if (isEmpty(target[field]) && !isEmpty(incoming)) {
        values[field] = incoming;
        filled.push(field);
      }
      continue;
    }
    const current = asObject(target[field]);
    const additions = Object.entries(asObject(incoming)).filter(
      ([key, value]) => isEmpty(current[key]) && !isEmpty(value),
    );
    if (additions.length === 0) continue;
    values[field] = { ...current, ...Object.fromEntries(additions) };
    filled.push(...additions.map(([key]) => `${field}.${key}`));
  }
  return { values: values, filled };
}
