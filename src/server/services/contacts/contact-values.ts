import type { UpdateContactInput } from "@/lib/contracts/contacts";
import type { contacts } from "@/server/db/schema";

type ContactColumns = Partial<typeof contacts.$inferInsert>;

/** The columns an edit sets: only fields present in the input (undefined = leave alone, null = clear). */
export function contactColumnValues(input: UpdateContactInput): ContactColumns {
  const { lastVisitAt, ...sameShape } = input;
  const values: ContactColumns = {};
  for (const [field, value] of Object.entries(sameShape) as [keyof typeof sameShape, unknown][]) {
    if (value !== undefined) Object.assign(values, { [field]: value });
  }
  if (lastVisitAt !== undefined) values.lastVisitAt = lastVisitAt === null ? null : new Date(lastVisitAt);
  return values;
}
