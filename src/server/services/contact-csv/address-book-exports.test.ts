import { describe, expect, it } from "vitest";
import { ADDRESS_BOOK_HEADERS, columnRank, csvColumnFor, IMPORTABLE_FIELDS, suggestMapping } from "@/lib/csv-columns";
import { readDate, readTags } from "./csv-cells";
import { mapCsvRows, NOTE_MAX_LENGTH } from "./map-csv-rows";
import { parseCsvFile } from "./parse-csv-file";

async function mapped(text: string) {
  const table = await parseCsvFile(text);
  return mapCsvRows(table, suggestMapping(table.headers));
}

describe("the table of address-book headers", () => {
  it("points every header at a field a file can fill", () => {
    for (const entry of ADDRESS_BOOK_HEADERS) expect(IMPORTABLE_FIELDS).toContain(entry.field);
  });

  it("maps Google Contacts' columns, current and older layouts, and leaves its second address out", () => {
    expect(
      suggestMapping([
        "First Name",
        "Middle Name",
        "Last Name",
        "Birthday",
        "Notes",
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Address 1 - Formatted",
        "Address 1 - Street",
        "Address 1 - City",
        "Address 1 - PO Box",
        "Address 1 - Region",
        "Address 1 - Postal Code",
        "Address 1 - Country",
        "Address 1 - Extended Address",
        "Address 2 - Street",
        "Address 2 - City",
      ]),
    ).toEqual([
      "firstName",
      null,
      "lastName",
      "dateOfBirth",
      "note",
      "tags",
      null,
      "email",
      "email",
      null,
      "phone",
      null,
      "address.line1",
      "address.city",
      null,
      "address.region",
      "address.postalCode",
      "address.country",
      "address.line2",
      null,
      null,
    ]);
    expect(suggestMapping(["Name", "Given Name", "Family Name", "Group Membership", "E-mail 1 - Type"])).toEqual([
      "displayName",
      "firstName",
      "lastName",
      "tags",
      null,
    ]);
  });

  it("maps Outlook's home address (not its business one, listed first), every email and phone, and categories", () => {
    expect(
      suggestMapping([
        "Business Street",
        "Business City",
        "Home Street",
        "Home Street 2",
        "Home City",
        "Home State",
        "Home Postal Code",
        "Home Country/Region",
        "Home Phone",
        "Mobile Phone",
        "E-mail Address",
        "E-mail Type",
        "E-mail 2 Address",
        "Categories",
      ]),
    ).toEqual([
      null,
      null,
      "address.line1",
      "address.line2",
      "address.city",
      "address.region",
      "address.postalCode",
      "address.country",
      "phone",
      "phone",
      "email",
      null,
      "email",
      "tags",
    ]);
  });

  it("ranks Outlook's phones: primary, then mobile, then home, then columns it does not know", () => {
    const ranks = ["Primary Phone", "Mobile Phone", "Home Phone", "Business Phone", "Phone"].map(columnRank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });
});

describe("cells of address-book exports", () => {
  it("reads Google's groups: ' ::: ' separated, '* myContacts' dropped, other system groups without their mark", () => {
    expect(readTags("Clients ::: * myContacts ::: * starred")).toEqual(["Clients", "starred"]);
    expect(readTags("* myContacts")).toEqual([]);
    expect(readTags("Reiki;Monthly")).toEqual(["Reiki", "Monthly"]);
    expect(readTags("Yoga; Prenatal ::: Mornings")).toEqual(["Yoga", "Prenatal", "Mornings"]);
  });

  it("reads the dates address books write, and keeps a birthday without a year aside", () => {
    expect(readDate("1986-04-17")).toEqual({ value: "1986-04-17" });
    expect(readDate("19860417")).toEqual({ value: "1986-04-17" });
    expect(readDate("7/23/1979")).toEqual({ value: "1979-07-23" });
    expect(readDate("23/11/1990")).toEqual({ value: "1990-11-23" });
    expect(readDate("0/0/00")).toEqual({ value: undefined });
    expect(readDate("--09-03")).toEqual({ value: undefined, aside: "Birthday: 3 September (no year given)" });
    expect(readDate("--0903")).toEqual({ value: undefined, aside: "Birthday: 3 September (no year given)" });
    expect(readDate("soon")).toEqual({ value: "soon" });
  });
});

describe("rows of address-book exports", () => {
  it("takes the first email and phone as the client's, in rank order, and keeps the others in the first note", async () => {
    const { candidates, errors } = await mapped(
      [
        "First Name,Last Name,Home Phone,Mobile Phone,E-mail Address,E-mail 2 Address,Notes",
        'Zoë,Brien,+353 91 555 010,+353 87 555 0199,zoe@example.ie,"ZOE@example.ie",Allergic to almond oil.',
        "Sam,Lee,,,,sam@example.com,",
      ].join("\r\n"),
    );
    expect(errors).toEqual([]);
    expect(candidates).toMatchObject([
      {
        contact: { displayName: "Zoë Brien", phone: "+353 87 555 0199", email: "zoe@example.ie" },
        // The second email differs only in case: the same address, not kept twice.
        note: "Allergic to almond oil.\n\nOther phones: +353 91 555 010",
      },
      { contact: { displayName: "Sam Lee", email: "sam@example.com" }, note: null },
    ]);
  });

  it("splits a Google cell holding several values of one label", async () => {
    const { candidates } = await mapped("Name,E-mail 1 - Value\nSøren,soren@example.dk ::: holm@example.dk\n");
    expect(candidates).toMatchObject([
      { contact: { email: "soren@example.dk" }, note: "Other emails: holm@example.dk" },
    ]);
  });

  it("names the first email column when the chosen email is invalid", async () => {
    const { errors } = await mapped("Name,E-mail 1 - Value,E-mail 2 - Value\nSam,not-an-email,sam@example.com\n");
    expect(errors).toEqual([
      { row: 2, field: "email", column: "E-mail 1 - Value", message: "Enter a valid email address" },
    ]);
  });

  it("refuses a note longer than a note holds, naming its column", async () => {
    const { candidates, errors } = await mapped(`Name,Notes\nSam,${"x".repeat(NOTE_MAX_LENGTH + 1)}\n`);
    expect(candidates).toEqual([]);
    expect(errors).toMatchObject([{ row: 2, field: "note", column: "Notes" }]);
    expect(csvColumnFor("note")?.header).toBe("First note");
  });
});
