import { describe, expect, it } from "vitest";
import { CSV_IMPORT_LIMITS } from "@/lib/contracts/contact-csv";
import { AppError } from "@/server/errors";
import { readContactFile, isVCard } from "../read-contact-file";
import { VCARD_COLUMNS, vcardTable } from "./vcard-table";

const crlf = (lines: readonly string[]) => `${lines.join("\r\n")}\r\n`;

async function rowsOf(lines: readonly string[]) {
  const table = await vcardTable(crlf(lines));
  return table.rows.map((row) => Object.fromEntries(VCARD_COLUMNS.map((column, index) => [column, row.cells[index]])));
}

describe("vCards as a table of clients", () => {
  it("reads a vCard 4.0: preferred email and phone first, tel: URIs plain, ADR into address columns", async () => {
    const [row] = await rowsOf([
      "BEGIN:VCARD",
      "VERSION:4.0",
      "FN:Maya Lin",
      "N:Lin;Maya;;;",
      "EMAIL;TYPE=work:maya@studio.example",
      "EMAIL;PREF=1:maya@example.com",
      "TEL;VALUE=uri;TYPE=home:tel:+1-415-555-0100",
      "TEL;VALUE=uri;TYPE=cell;PREF=1:tel:+1-415-555-0134",
      "ADR;TYPE=work:;;1 Market St;San Francisco;CA;94105;USA",
      "ADR;TYPE=home:PO 12;Unit 4;22 Elm St\\nRear house;Oakland;CA;94612;USA",
      "BDAY:19880229",
      "CATEGORIES:Prenatal,VIP",
      "CATEGORIES:Mornings",
      "NOTE:First line\\nsecond\\, with a comma",
      "END:VCARD",
    ]);
    expect(row).toEqual({
      Name: "Maya Lin",
      "First name": "Maya",
      "Last name": "Lin",
      Email: "maya@example.com ::: maya@studio.example",
      Phone: "+1-415-555-0134 ::: +1-415-555-0100",
      Birthday: "1988-02-29",
      "Address line 1": "22 Elm St",
      "Address line 2": "Rear house, Unit 4, PO Box PO 12",
      City: "Oakland",
      Region: "CA",
      "Postal code": "94612",
      Country: "USA",
      Tags: "Prenatal; VIP; Mornings",
      Notes: "First line\nsecond, with a comma",
    });
  });

  it("numbers rows by card from 1, and makes group cards tags on their members (4.0 KIND and Apple's)", async () => {
    const table = await vcardTable(
      crlf([
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Sam Lee",
        "UID:urn:uuid:AAAA-1",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:group",
        "FN:Yoga; Mondays",
        "MEMBER:urn:uuid:aaaa-1",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:Ana Ruiz",
        "END:VCARD",
      ]),
    );
    expect(table.rows.map((row) => [row.row, row.cells[0], row.cells[VCARD_COLUMNS.indexOf("Tags")]])).toEqual([
      [1, "Sam Lee", "Yoga\\; Mondays"],
      [2, "Ana Ruiz", ""],
    ]);
  });

  it("keeps a birthday Apple marks as having no year as a day without one", async () => {
    const [row] = await rowsOf(["BEGIN:VCARD", "FN:Ana", "BDAY;X-APPLE-OMIT-YEAR=1604:1604-06-21", "END:VCARD"]);
    expect(row?.Birthday).toBe("--06-21");
  });

  it("refuses more cards than an import takes before reading any, and a file of group cards only", async () => {
    const card = "BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n";
    const caught: unknown = await vcardTable(card.repeat(CSV_IMPORT_LIMITS.rows + 1)).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(413);
    expect((caught as AppError).message).toBe("The file has 10,001 contact cards; import at most 10,000 at a time.");
    const groups: unknown = await vcardTable(crlf(["BEGIN:VCARD", "KIND:group", "FN:x", "END:VCARD"])).catch(
      (error: unknown) => error,
    );
    expect((groups as AppError).message).toBe("The file holds no contact cards.");
  });
});

describe("telling a vCard from a CSV", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("goes by content, after a byte order mark and blank lines", async () => {
    expect(isVCard(bytes("\ufeff\r\n  begin:vcard\r\nFN:x\r\nEND:VCARD"))).toBe(true);
    expect(isVCard(bytes("Name,Email\r\nBEGIN:VCARD,x"))).toBe(false);
    expect((await readContactFile(bytes("BEGIN:VCARD\r\nFN:Maya\r\nEND:VCARD\r\n"))).format).toBe("vcard");
    expect((await readContactFile(bytes("Name\r\nMaya\r\n"))).format).toBe("csv");
  });

  it("reads an older vCard written in Windows-1252, and refuses binary data", async () => {
    const latin = Uint8Array.from([...bytes("BEGIN:VCARD\r\nFN:Ren"), 0xe9, ...bytes("e\r\nEND:VCARD\r\n")]);
    const { table } = await readContactFile(latin);
    expect(table.rows[0]?.cells[0]).toBe("Renée");
    const binary = Uint8Array.from([...bytes("BEGIN:VCARD\r\nFN:"), 0, 1, 2, ...bytes("\r\nEND:VCARD\r\n")]);
    const caught: unknown = await readContactFile(binary).catch((error: unknown) => error);
    expect((caught as AppError).status).toBe(415);
    expect((caught as AppError).message).toMatch(/binary data, not contact cards/);
  });
});
