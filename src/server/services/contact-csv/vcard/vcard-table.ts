import { formatCount } from "@/lib/format/numbers";
import { CSV_IMPORT_LIMITS } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import { GOOGLE_SEPARATOR, isDroppedGoogleGroup, writeList } from "../csv-cells";
import type { CsvRow, CsvTable } from "../parse-csv-file";
import { listValue, parseVCards, textValue, type VCard, type VCardProperty } from "./parse-vcards";

/**
 * Contact cards read into the table the CSV import maps, so a .vcf goes through the same steps:
 * one row per person (numbered by card, from 1), one column per field below. Several emails or
 * phones share a cell joined by " ::: " (as Google's CSV does), the preferred one first.
 */
export const VCARD_COLUMNS = [
  "Name",
  "First name",
  "Last name",
  "Email",
  "Phone",
  "Birthday",
  "Address line 1",
  "Address line 2",
  "City",
  "Region",
  "Postal code",
  "Country",
  "Tags",
  "Notes",
] as const;

type VCardColumn = (typeof VCARD_COLUMNS)[number];

const unreadable = (message: string) =>
  new AppError("validation_failed", message, { details: [{ path: "file", message }] });

const BEGIN_CARD = /^BEGIN:VCARD[ \t]*$/gim;

/** How much a property is preferred: PREF=1 (4.0) is the most, TYPE=pref (3.0) next, then the rest in file order. */
function preference(property: VCardProperty): number {
  const pref = Number(property.params.get("PREF")?.[0]);
  if (Number.isInteger(pref) && pref >= 1) return pref;
  return property.params.get("TYPE")?.includes("pref") ? 1 : 101;
}

const byPreference = (properties: readonly VCardProperty[]) =>
  properties
    .map((property, index) => ({ property, index }))
    .sort((a, b) => preference(a.property) - preference(b.property) || a.index - b.index)
    .map(({ property }) => property);

/** `tel:+1-555…` and `mailto:…` (4.0 URIs) without their scheme; never holding the cell separator. */
const plainValue = (value: string) =>
  textValue(value)
    .replace(/^(?:tel|mailto):/i, "")
    .replaceAll(GOOGLE_SEPARATOR, " ")
    .trim();

/** A birthday as the date reader takes it; Apple marks a day without a year with X-APPLE-OMIT-YEAR. */
function birthday(property: VCardProperty | undefined): string {
  if (!property) return "";
  const value = textValue(property.value).trim();
  const date = /^(\d{4}|--)-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value);
  if (!date) return value;
  const omitYear = property.params.get("X-APPLE-OMIT-YEAR")?.[0];
  const year = date[1] === omitYear ? "--" : date[1];
  return year === "--" ? `--${date[2]}-${date[3]}` : `${year}-${date[2]}-${date[3]}`;
}

/** The home address if there is no preferred one, else the first. */
function address(properties: readonly VCardProperty[]): Partial<Record<VCardColumn, string>> {
  const chosen =
    properties.find((property) => preference(property) < 101) ??
    properties.find((property) => property.params.get("TYPE")?.includes("home")) ??
    properties[0];
  if (!chosen) return {};
  const [poBox = "", extended = "", street = "", city = "", region = "", postalCode = "", country = ""] = listValue(
    chosen.value,
    ";",
  ).map((part) => part.trim());
  const [line1 = "", ...moreStreet] = street.split("\n").map((line) => line.trim());
  const line2 = [...moreStreet, extended, poBox === "" ? "" : `PO Box ${poBox}`].filter(Boolean).join(", ");
  return {
    "Address line 1": line1,
    "Address line 2": line2,
    City: city,
    Region: region,
    "Postal code": postalCode,
    Country: country,
  };
}

const isGroup = (card: VCard) =>
  card.properties.some(
    (property) =>
      (property.name === "KIND" || property.name === "X-ADDRESSBOOKSERVER-KIND") &&
      textValue(property.value).trim().toLowerCase() === "group",
  );

const uidOf = (card: VCard) =>
  textValue(card.properties.find((property) => property.name === "UID")?.value ?? "")
    .trim()
    .replace(/^urn:uuid:/i, "")
    .toLowerCase();

/** Apple Contacts exports a group as a card listing its members' UIDs: each member gets the group's name as a tag. */
function groupTags(groups: readonly VCard[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const group of groups) {
    const name = textValue(group.properties.find((property) => property.name === "FN")?.value ?? "").trim();
    if (name === "") continue;
    for (const member of group.properties) {
      if (member.name !== "MEMBER" && member.name !== "X-ADDRESSBOOKSERVER-MEMBER") continue;
      const uid = textValue(member.value)
        .trim()
        .replace(/^urn:uuid:/i, "")
        .toLowerCase();
      tags.set(uid, [...(tags.get(uid) ?? []), name]);
    }
  }
  return tags;
}

function cardCells(card: VCard, extraTags: readonly string[]): string[] {
  const all = (name: string) => card.properties.filter((property) => property.name === name);
  const first = (name: string) => all(name)[0];
  const [lastName = "", firstName = ""] = first("N") ? listValue(first("N")?.value ?? "", ";") : [];
  const fullName = textValue(first("FN")?.value ?? "").trim();
  const categories = all("CATEGORIES")
    .flatMap((property) => listValue(property.value, ","))
    .filter((name) => !isDroppedGoogleGroup(name));
  const cells: Partial<Record<VCardColumn, string>> = {
    Name: fullName,
    "First name": firstName.trim(),
    "Last name": lastName.trim(),
    Email: byPreference(all("EMAIL"))
      .map((property) => plainValue(property.value))
      .filter(Boolean)
      .join(` ${GOOGLE_SEPARATOR} `),
    Phone: byPreference(all("TEL"))
      .map((property) => plainValue(property.value))
      .filter(Boolean)
      .join(` ${GOOGLE_SEPARATOR} `),
    Birthday: birthday(first("BDAY")),
    ...address(all("ADR")),
    Tags: writeList([...categories, ...extraTags].map((tag) => tag.trim()).filter(Boolean)),
    Notes: all("NOTE")
      .map((property) => textValue(property.value).trim())
      .filter(Boolean)
      .join("\n\n"),
  };
  return VCARD_COLUMNS.map((column) => cells[column] ?? "");
}

/** The number of cards, counted before reading any, so a file far over the limit is refused at once. */
export function countCards(text: string): number {
  return text.match(BEGIN_CARD)?.length ?? 0;
}

/** The people in a vCard file as a table of rows (group cards become tags on their members). */
export async function vcardTable(text: string): Promise<CsvTable> {
  const count = countCards(text);
  if (count > CSV_IMPORT_LIMITS.rows) {
    const message = `The file has ${formatCount(count)} contact cards; import at most ${formatCount(CSV_IMPORT_LIMITS.rows)} at a time.`;
    throw new AppError("payload_too_large", message, { details: [{ path: "file", message }] });
  }
  const cards = await parseVCards(text);
  const people = cards.filter((card) => !isGroup(card));
  if (people.length === 0) throw unreadable("The file holds no contact cards.");
  const tagsByUid = groupTags(cards.filter(isGroup));
  const rows: CsvRow[] = people.map((card, index) => ({
    row: index + 1,
    cells: cardCells(card, tagsByUid.get(uidOf(card)) ?? []),
  }));
  return { delimiter: ",", headers: [...VCARD_COLUMNS], rows };
}
