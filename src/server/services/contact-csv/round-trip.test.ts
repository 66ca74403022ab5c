import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONTACT_SOURCES,
  LIFECYCLE_STAGES,
  PREFERRED_CHANNELS,
  createContactInput,
  type Contact,
} from "@/lib/contracts/contacts";
import { suggestMapping } from "@/lib/csv-columns";
import { BYTE_ORDER_MARK, csvHeaderLine, csvRecordLines } from "./contact-record";
import { decodeCsvText } from "./decode-csv-text";
import { mapCsvRows } from "./map-csv-rows";
import { parseCsvFile } from "./parse-csv-file";

/** Characters that trouble CSV, spreadsheets and list cells, among ordinary ones. */
const hostileChar = fc.constantFrom(
  "a",
  "Z",
  "é",
  "🙂",
  " ",
  ",",
  ";",
  '"',
  "'",
  "\\",
  "\n",
  "\r",
  "=",
  "+",
  "-",
  "@",
  "\t",
);
const text = (max: number) => fc.string({ unit: hostileChar, maxLength: max }).map((value) => value.trim());
const optionalText = (max: number) => fc.option(text(max), { nil: null });
const list = fc.array(
  text(30).filter((item) => item !== ""),
  { maxLength: 4 },
);
const instant = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2999-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());

const rawClient = fc.record({
  displayName: text(60).filter((name) => name !== ""),
  firstName: optionalText(20),
  lastName: optionalText(20),
  email: fc.option(fc.constantFrom("maya@example.com", "O'Neil+tag@Example.co.uk", "-x@example.com"), { nil: null }),
  phone: fc.option(fc.constantFrom("+1 (415) 555-0134", "-555 0100", "020.7946.0000"), { nil: null }),
  pronouns: optionalText(10),
  dateOfBirth: fc.option(
    fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    { nil: null },
  ),
  source: fc.constantFrom(...CONTACT_SOURCES),
  referralSource: optionalText(40),
  lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
  address: fc.option(fc.record({ line1: optionalText(40), city: optionalText(20), postalCode: optionalText(10) }), {
    nil: null,
  }),
  emergencyContact: fc.option(fc.record({ name: optionalText(20), relation: optionalText(10) }), { nil: null }),
  healthContext: fc.option(fc.record({ allergies: list, conditions: list, notes: optionalText(80) }), { nil: null }),
  preferences: fc.option(
    fc.record({ remindersOptIn: fc.boolean(), preferredChannel: fc.constantFrom(...PREFERRED_CHANNELS) }),
    { nil: null },
  ),
  lastVisitAt: fc.option(instant, { nil: null }),
});

/** A field's meaning without the ways of writing "nothing" (null, "", [], {}), which a CSV cannot tell apart. */
function meaning(value: unknown): unknown {
  if (value === null || value === undefined || value === "") return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value;
  if (typeof value === "object") {
    const entries = Object.entries(value).flatMap(([key, inner]) => {
      const kept = meaning(inner);
      return kept === undefined ? [] : [[key, kept] as const];
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

describe("the clients CSV round trip (export cells → import rows)", () => {
  it("reads back every field of any client, hostile text included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawClient, { minLength: 1, maxLength: 5 }),
        fc.array(text(20).filter(Boolean), { maxLength: 3 }),
        instant,
        async (raws, tagNames, createdAt) => {
          const contacts: Contact[] = raws.map((raw, index) => {
            const fields = createContactInput.parse(raw);
            return {
              id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
              photoPath: null,
              tags: tagNames.map((name, tagIndex) => ({ id: `t${tagIndex}`, name, color: "#64748b" })),
              createdAt,
              updatedAt: createdAt,
              ...fields,
            } as Contact;
          });
          const file = BYTE_ORDER_MARK + csvHeaderLine() + csvRecordLines(contacts);
          const table = await parseCsvFile(decodeCsvText(new TextEncoder().encode(file)));
          const { candidates, errors } = await mapCsvRows(table, suggestMapping(table.headers));
          expect(errors).toEqual([]);
          expect(candidates).toHaveLength(contacts.length);
          candidates.forEach((candidate, index) => {
            const {
              id: _id,
              photoPath: _photo,
              tags,
              createdAt: added,
              updatedAt: _updated,
              ...fields
            } = contacts[index] as Contact;
            expect(meaning(candidate.contact)).toEqual(meaning(fields));
            expect(candidate.tags).toEqual(tags.map((tag) => tag.name));
            expect(candidate.createdAt).toBe(added);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
