import { describe, expect, it } from "vitest";
import { createNoteInput, measureJson, NOTE_DOCUMENT_LIMITS, noteDocumentSchema, signNoteInput } from "./notes";

const doc = (...content: unknown[]) => ({ type: "doc", content });
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("noteDocumentSchema", () => {
  it("accepts what the editor saves", () => {
    const body = doc(
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Plan" }] },
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [{ type: "listItem", content: [paragraph("a")] }],
      },
      { type: "codeBlock", attrs: { language: null }, content: [{ type: "text", text: "x" }] },
      { type: "paragraph", content: [{ type: "text", text: "b", marks: [{ type: "bold" }, { type: "italic" }] }] },
      { type: "horizontalRule" },
    );
    expect(noteDocumentSchema.parse(body)).toEqual(body);
    expect(noteDocumentSchema.parse({ type: "doc" })).toEqual({ type: "doc" });
  });

  it.each([
    ["an unknown node", doc({ type: "image", attrs: { src: "x" } })],
    ["a link mark", doc({ type: "paragraph", content: [{ type: "text", text: "a", marks: [{ type: "link" }] }] })],
    ["attributes a node does not have", doc({ type: "paragraph", attrs: { style: "color:red" } })],
    ["a heading level out of range", doc({ type: "heading", attrs: { level: 7 } })],
    ["an empty text node", doc({ type: "paragraph", content: [{ type: "text", text: "" }] })],
    ["a NUL character", doc(paragraph("a\u0000b"))],
    ["an unpaired surrogate", doc(paragraph("a\ud800b"))],
    ["a top level that is not a document", paragraph("a")],
    ["extra keys", { type: "doc", content: [], html: "<script>" }],
  ])("refuses %s", (_name, body) => {
    expect(noteDocumentSchema.safeParse(body).success).toBe(false);
  });

  it("keeps paired surrogates (emoji) and other scripts", () => {
    expect(noteDocumentSchema.safeParse(doc(paragraph("Calm 🧘 — 平静"))).success).toBe(true);
  });

  it("refuses hostile nesting without recursing into it", () => {
    let deep: unknown = paragraph("deep");
    for (let level = 0; level < 100_000; level += 1) deep = { type: "blockquote", content: [deep] };
    const result = noteDocumentSchema.safeParse(doc(deep));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too long or too deeply nested/);
  });

  it("refuses a document over the byte limit, counting UTF-8 bytes", () => {
    const underInCharacters = "é".repeat(NOTE_DOCUMENT_LIMITS.maxBytes / 2 - 10);
    expect(underInCharacters.length).toBeLessThan(NOTE_DOCUMENT_LIMITS.maxBytes);
    expect(noteDocumentSchema.safeParse(doc(paragraph(underInCharacters))).success).toBe(false);
    expect(noteDocumentSchema.safeParse(doc(paragraph("a".repeat(1_000)))).success).toBe(true);
  });
});

describe("measureJson", () => {
  it("measures depth and counts values", () => {
    expect(measureJson({ a: [1, { b: 2 }] })).toEqual({ depth: 4, values: 5, tooLarge: false });
    expect(measureJson(Array.from({ length: NOTE_DOCUMENT_LIMITS.maxValues + 1 }, () => 0)).tooLarge).toBe(true);
  });
});

describe("createNoteInput", () => {
  it("takes one starting point at most", () => {
    expect(createNoteInput.safeParse({}).success).toBe(true);
    expect(createNoteInput.safeParse({ template: "soap" }).success).toBe(true);
    expect(createNoteInput.safeParse({ startFromLast: true }).success).toBe(true);
    expect(createNoteInput.safeParse({ startFromLast: false, template: "soap" }).success).toBe(true);
    expect(createNoteInput.safeParse({ startFromLast: true, template: "soap" }).success).toBe(false);
    expect(createNoteInput.safeParse({ template: "soap", bodyJson: doc() }).success).toBe(false);
    expect(createNoteInput.safeParse({ template: "yoga" }).success).toBe(false);
  });

  it("never takes search text from the caller", () => {
    expect(createNoteInput.safeParse({ bodyJson: doc(), bodyText: "forged" }).success).toBe(false);
    expect(signNoteInput.safeParse({ bodyText: "forged" }).success).toBe(false);
  });
});
