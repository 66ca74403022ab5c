import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { decodeQuotedPrintable, listValue, parseVCards, textValue, VCARD_MAX_LINE_CHARS } from "./parse-vcards";

const crlf = (lines: readonly string[]) => `${lines.join("\r\n")}\r\n`;

async function refusal(text: string): Promise<AppError> {
  const caught: unknown = await parseVCards(text).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(caught instanceof AppError)) throw new Error(`expected a refusal, got ${String(caught)}`);
  return caught;
}

/** Escapes a text value as RFC 6350 writes it. */
const escapeText = (value: string) => value.replace(/[\\,;]/g, "\\$&").replace(/\r\n|\n|\r/g, "\\n");

/** Folds a line every `width` characters, each continuation starting with a space (RFC 6350 §3.2). */
function fold(line: string, width: number): string {
  const parts: string[] = [];
  for (let start = 0; start < line.length; start += width) parts.push(line.slice(start, start + width));
  return parts.join("\r\n ");
}

describe("reading vCards", () => {
  it("reads several cards: groups dropped from names, parameters by name, bare 2.1 types, folded lines joined", async () => {
    const cards = await parseVCards(
      crlf([
        "BEGIN:VCARD",
        "VERSION:3.0",
        "item1.EMAIL;type=INTERNET;type=HOME,pref:maya@example.com",
        "NOTE:A long note fol",
        " ded over",
        "\tthree lines",
        "END:VCARD",
        "",
        "begin:vcard",
        "VERSION:2.1",
        "TEL;CELL;PREF:+1 415 555 0134",
        'X-CUSTOM;LABEL="a:b;c":value',
        "END:VCARD",
      ]),
    );
    expect(cards.map((card) => card.line)).toEqual([1, 9]);
    const [first, second] = cards;
    expect(first?.properties.map((property) => [property.name, property.value])).toEqual([
      ["VERSION", "3.0"],
      ["EMAIL", "maya@example.com"],
      ["NOTE", "A long note folded overthree lines"],
    ]);
    expect(first?.properties[1]?.params.get("TYPE")).toEqual(["internet", "home", "pref"]);
    expect(second?.properties[1]?.params.get("TYPE")).toEqual(["cell", "pref"]);
    expect(second?.properties[2]?.params.get("LABEL")).toEqual(["a:b;c"]);
  });

  it("decodes quoted-printable values in their charset, soft line breaks included (vCard 2.1)", async () => {
    const [card] = await parseVCards(
      crlf([
        "BEGIN:VCARD",
        "VERSION:2.1",
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen",
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Pr=C3=A9f=C3=A8re le mat=",
        "in=0D=0ANo oils",
        "FN;QUOTED-PRINTABLE:Caf=E9",
        "END:VCARD",
      ]),
    );
    expect(card?.properties.map((property) => property.value)).toEqual([
      "2.1",
      "Müller;Jürgen",
      "Préfère le matin\r\nNo oils",
      "Café",
    ]);
    expect(decodeQuotedPrintable("=E9t=E9", "no-such-charset")).toBe("\ufffdt\ufffd");
  });

  it("skips binary properties, however long", async () => {
    const photo = `PHOTO;ENCODING=b;TYPE=JPEG:${"A".repeat(VCARD_MAX_LINE_CHARS + 10)}`;
    const [card] = await parseVCards(crlf(["BEGIN:VCARD", "FN:Maya", fold(photo, 74), "END:VCARD"]));
    expect(card?.properties.map((property) => property.name)).toEqual(["FN"]);
  });

  it("undoes escapes by the kind of value", () => {
    expect(textValue("a\\, b\\; c\\\\d\\nE\\N")).toBe("a, b; c\\d\nE\n");
    expect(listValue("Lin;Maya\\;Mei;;Dr.", ";")).toEqual(["Lin", "Maya;Mei", "", "Dr."]);
    expect(listValue("Yoga,Pre\\,natal", ",")).toEqual(["Yoga", "Pre,natal"]);
  });

  it("reads back any text value, however it is escaped and folded", async () => {
    const value = fc.string({
      unit: fc.oneof(
        fc.constantFrom("\\", ",", ";", ":", "\n", "\r", " ", '"', "=", "é", "ø", "🙂"),
        fc.integer({ min: 0x20, max: 0x2fff }).map((code) => String.fromCodePoint(code)),
      ),
      maxLength: 300,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 80 }),
        async (notes, width) => {
          const lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            ...notes.map((note) => fold(`NOTE:${escapeText(note)}`, width)),
            "END:VCARD",
          ];
          const [card] = await parseVCards(crlf(lines));
          const read = card?.properties
            .filter((property) => property.name === "NOTE")
            .map((property) => textValue(property.value));
          expect(read).toEqual(notes.map((note) => note.replace(/\r\n|\r/g, "\n")));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses a value wrapped without the space that continues it, naming the line", async () => {
    const error = await refusal(
      crlf(["BEGIN:VCARD", "FN:Maya Lin", "NOTE:Prefers the morning and", "no oils", "END:VCARD"]),
    );
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Line 4 is not a contact card property.*without the leading space/);
  });

  it("refuses a continuation before any property, a card never ended or never begun, and a nested object", async () => {
    expect((await refusal(" continued\r\nBEGIN:VCARD\r\nEND:VCARD\r\n")).message).toMatch(/^Line 1 continues a value/);
    expect((await refusal(crlf(["BEGIN:VCARD", "FN:Maya"]))).message).toMatch(/starting at line 1 never ends/);
    expect((await refusal(crlf(["BEGIN:VCARD", "FN:Maya", "BEGIN:VCARD", "FN:Sam", "END:VCARD"]))).message).toMatch(
      /starting at line 1 has no END:VCARD before the next card begins at line 3/,
    );
    expect((await refusal(crlf(["FN:Maya", "BEGIN:VCARD", "END:VCARD"]))).message).toMatch(
      /^Line 1 is outside any card/,
    );
    expect((await refusal(crlf(["BEGIN:VCARD", "BEGIN:VEVENT", "END:VEVENT", "END:VCARD"]))).message).toMatch(
      /^Line 2 nests another object/,
    );
  });

  it("refuses a line longer than any contact field, even when folded", async () => {
    const note = fold(`NOTE:${"x".repeat(VCARD_MAX_LINE_CHARS)}`, 75);
    const error = await refusal(crlf(["BEGIN:VCARD", "FN:Maya", note, "END:VCARD"]));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Line 3 is over 100,000 characters long/);
  });
});
