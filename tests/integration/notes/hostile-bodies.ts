import fc from "fast-check";
import { hostileKeysetCursor } from "../contacts/hostile-cursors";
import { NOTE_MARK_TYPES, NOTE_NODE_TYPES, NOTE_TEMPLATE_IDS } from "@/lib/contracts/notes";

/** Raw text that is not what a JSON API expects (sent as the body as it is). */
export class RawBody {
  constructor(readonly text: string) {}
}

const nested = (depth: number, open: string, close: string, inner: string) =>
  new RawBody(open.repeat(depth) + inner + close.repeat(depth));

/** Bodies chosen to break things: deep nesting, huge text, characters Postgres refuses, prototype keys. */
export const NASTY_DOCUMENTS: unknown[] = [
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "nul \u0000 here" }] }] },
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "lone \ud800 surrogate" }] }] },
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(210_000) }] }] },
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] },
  { type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
  { type: "doc", content: [{ type: "paragraph", content: [{ type: "heading", attrs: { level: 2 } }] }] },
  { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x", marks: [{ type: "bold" }] }] }] },
  {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "a", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
      },
    ],
  },
  { type: "doc", content: [{ type: "heading", attrs: { level: 99 }, content: [{ type: "text", text: "Big" }] }] },
  { type: "doc", content: [{ type: "paragraph", attrs: { style: "background:url(x)" } }] },
  { type: "doc", content: [{ type: "image", attrs: { src: "https://example.com/x.png" } }] },
  { type: "doc", content: Array.from({ length: 6_000 }, () => ({ type: "horizontalRule" })) },
  JSON.parse('{"type":"doc","__proto__":{"polluted":true},"content":[]}'),
  { type: "doc", content: "not a list" },
  { type: "paragraph" },
  [],
  null,
];

const RAW_BODIES = [
  new RawBody("{"),
  new RawBody("not json"),
  new RawBody('{"bodyJson":'),
  nested(20_000, '{"bodyJson":', "}", "{}"),
  new RawBody(`{"bodyJson":${'{"type":"doc","content":['.repeat(3_000)}${"]}".repeat(3_000)}}`),
  new RawBody(`{"bodyJson":${"[".repeat(50_000)}${"]".repeat(50_000)}}`),
];

const markArb = fc.record({ type: fc.constantFrom(...NOTE_MARK_TYPES, "link", "highlight") });

/** Trees that are often almost right: real node types nested in places the editor would never put them. */
const { node: nodeArb } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom(...NOTE_NODE_TYPES, "doc", "image", "table", ""),
      attrs: fc.oneof(
        fc.record({ level: fc.integer({ min: -1, max: 8 }) }),
        fc.record({ start: fc.integer(), type: fc.constantFrom("1", "a", "Z", null) }),
        fc.record({ language: fc.oneof(fc.string(), fc.constant(null)) }),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 })),
      ),
      content: fc.array(tie("node"), { maxLength: 3 }),
      text: fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 })),
      marks: fc.array(markArb, { maxLength: 3 }),
    },
    { requiredKeys: ["type"] },
  ),
}));

/** Documents the editor could have produced, with arbitrary printable and non-Latin text. */
const validDocumentArb = fc
  .array(
    fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 })),
    {
      maxLength: 4,
    },
  )
  .map((lines) => ({
    type: "doc",
    content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  }));

export const documentArb = fc.oneof(
  { arbitrary: validDocumentArb, weight: 2 },
  fc.record({ type: fc.constant("doc"), content: fc.array(nodeArb, { maxLength: 4 }) }),
  fc.constantFrom(...NASTY_DOCUMENTS),
  fc.jsonValue({ maxDepth: 4 }),
);

/** A request body for any notes endpoint: valid-looking fields with hostile values, or garbage outright. */
export const hostileBodyArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ bodyJson: documentArb }), weight: 3 },
  fc.record(
    {
      template: fc.oneof(fc.constantFrom(...NOTE_TEMPLATE_IDS), fc.string(), fc.jsonValue({ maxDepth: 1 })),
      startFromLast: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
      bodyJson: documentArb,
      bodyText: fc.string(),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    body: fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("", "   ", "\u0000", "x".repeat(10_001), "a\ud800b"),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }),
  fc.constantFrom(...RAW_BODIES),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Query strings of the list endpoint: real parameter names with odd values, and names that mean nothing. */
export const listQueryArb = fc
  .record(
    {
      limit: fc.oneof(fc.integer({ min: -5, max: 200 }).map(String), fc.string({ maxLength: 6 })),
      cursor: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
        fc
          .record({ at: fc.string(), id: fc.uuid() })
          .map((value) => Buffer.from(JSON.stringify(value)).toString("base64url")),
        hostileKeysetCursor,
      ),
      other: fc.string({ maxLength: 10 }),
    },
    { requiredKeys: [] },
  )
  .map((values) => `?${new URLSearchParams(values as Record<string, string>).toString()}`);

/** A path segment where an id belongs. */
export const idSegmentArb = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 50 }), fc.constant("%00"));
