import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, IMPORTABLE_FIELDS, csvColumnFor, normaliseHeader, suggestMapping } from "./csv-columns";

describe("the clients CSV column table", () => {
  it("names each field and each header once", () => {
    expect(new Set(CSV_COLUMNS.map((column) => column.field)).size).toBe(CSV_COLUMNS.length);
    expect(new Set(CSV_COLUMNS.map((column) => normaliseHeader(column.header))).size).toBe(CSV_COLUMNS.length);
  });

  it("flattens JSON fields to one column per key, and keeps ids and update times export-only", () => {
    expect(csvColumnFor("address.city")?.header).toBe("Address city");
    expect(csvColumnFor("emergencyContact.phone")?.header).toBe("Emergency contact phone");
    expect(IMPORTABLE_FIELDS).not.toContain("id");
    expect(IMPORTABLE_FIELDS).not.toContain("updatedAt");
    expect(IMPORTABLE_FIELDS).toContain("createdAt");
  });

  it("suggests the field of every header it exports, so its own files map themselves", () => {
    const headers = CSV_COLUMNS.map((column) => column.header);
    expect(suggestMapping(headers)).toEqual(CSV_COLUMNS.map((column) => (column.importable ? column.field : null)));
  });

  it("suggests fields for the headers other apps write, whatever their case and punctuation", () => {
    expect(
      suggestMapping([
        "Given Name",
        "Surname",
        "E-mail Address",
        "Mobile Phone",
        "DOB",
        "ZIP",
        "State",
        "Labels",
        "Notes",
      ]),
    ).toEqual([
      "firstName",
      "lastName",
      "email",
      "phone",
      "dateOfBirth",
      "address.postalCode",
      "address.region",
      "tags",
      "note",
    ]);
    expect(suggestMapping(["  NAME ", "Téléphone", "Favourite colour"])).toEqual(["displayName", "phone", null]);
  });

  it("gives a field to the first header that claims it only, but email and phone to every column", () => {
    expect(suggestMapping(["Name", "Full name", "Email", "E-mail", "Phone", "Mobile"])).toEqual([
      "displayName",
      null,
      "email",
      "email",
      "phone",
      "phone",
    ]);
  });
});
