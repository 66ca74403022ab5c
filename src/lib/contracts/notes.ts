import { z } from "@/lib/zod";
import { plainText } from "./contacts";

/** Contracts for client notes (`/api/contacts/:id/notes`, `/api/notes/*`), shared by the routes and the editor. */

export const NOTE_TEMPLATE_IDS = ["soap", "free-form", "massage-session", "coaching-session"] as const;
export type NoteTemplateId = (typeof NOTE_TEMPLATE_IDS)[number];

export const NOTE_STATUSES = ["draft", "final"] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** What the API answers when a signed note is edited or deleted; the editor shows the same words. */
export const SIGNED_NOTE_LOCKED = "Signed notes cannot be edited; add an amendment";

/** Bounds on a stored document, checked before anything recursive touches it. */
export const NOTE_DOCUMENT_LIMITS = {
  /** UTF-8 bytes of the document's JSON. */
  maxBytes: 200_000,
  /** JSON nesting (a list inside a list item adds four levels). */
  maxDepth: 64,
  /** Objects, arrays and values in the whole document. */
  maxValues: 40_000,
} as const;

export const AMENDMENT_MAX_LENGTH = 10_000;

export const NOTE_NODE_TYPES = [
  "paragraph",
  "heading",
  "text",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "codeBlock",
  "hardBreak",
  "horizontalRule",
] as const;
export type NoteNodeType = (typeof NOTE_NODE_TYPES)[number];

export const NOTE_MARK_TYPES = ["bold", "italic", "underline", "strike", "code"] as const;
export type NoteMarkType = (typeof NOTE_MARK_TYPES)[number];

export interface NoteMark {
  type: NoteMarkType;
}

/** One node of the editor's JSON (ProseMirror's `toJSON` shape). */
export interface NoteNode {
  type: NoteNodeType;
  attrs?: Record<string, unknown> | undefined;
  content?: NoteNode[] | undefined;
  text?: string | undefined;
  marks?: NoteMark[] | undefined;
}

export interface NoteDocument {
  type: "doc";
  content?: NoteNode[] | undefined;
}

/** Text Postgres can store in jsonb: no NUL character and no unpaired surrogate. */
const storableText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !value.includes("\u0000") && !/\p{Cs}/u.test(value), {
      message: "Contains a character that is not allowed",
    });

const markSchema = z.strictObject({ type: z.enum(NOTE_MARK_TYPES) });
const marks = z.array(markSchema).max(NOTE_MARK_TYPES.length);
const children = z.array(z.lazy(() => noteNodeSchema)).max(5_000);

/** Attributes are listed per node type; anything else (styles, links, handlers) is refused. */
export const noteNodeSchema: z.ZodType<NoteNode> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("paragraph"), content: children.optional() }),
  z.strictObject({
    type: z.literal("heading"),
    attrs: z.strictObject({ level: z.int().min(1).max(6) }),
    content: children.optional(),
  }),
  z.strictObject({ type: z.literal("text"), text: storableText(100_000).min(1), marks: marks.optional() }),
  z.strictObject({ type: z.literal("bulletList"), content: children.optional() }),
  z.strictObject({
    type: z.literal("orderedList"),
    attrs: z
      .strictObject({
        start: z.int().min(0).max(100_000).optional(),
        type: z.enum(["1", "a", "A", "i", "I"]).nullable().optional(),
      })
      .optional(),
    content: children.optional(),
  }),
  z.strictObject({ type: z.literal("listItem"), content: children.optional() }),
  z.strictObject({ type: z.literal("blockquote"), content: children.optional() }),
  z.strictObject({
    type: z.literal("codeBlock"),
    attrs: z
      .strictObject({
        language: z
          .string()
          .max(40)
          .regex(/^[A-Za-z0-9+#_-]*$/)
          .nullable()
          .optional(),
      })
      .optional(),
    content: children.optional(),
  }),
  z.strictObject({ type: z.literal("hardBreak"), marks: marks.optional() }),
  z.strictObject({ type: z.literal("horizontalRule") }),
]);

/** Depth, count and byte size, measured without recursion so hostile nesting cannot exhaust the stack. */
export function measureJson(value: unknown): { depth: number; values: number; tooLarge: boolean } {
  const { maxDepth, maxValues, maxBytes } = NOTE_DOCUMENT_LIMITS;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  let depth = 0;
  let values = 0;
  while (stack.length > 0) {
    const current = stack.pop() as { value: unknown; depth: number };
    values += 1;
    depth = Math.max(depth, current.depth);
    if (depth > maxDepth || values > maxValues) return { depth, values, tooLarge: true };
    if (current.value !== null && typeof current.value === "object") {
      for (const child of Object.values(current.value)) stack.push({ value: child, depth: current.depth + 1 });
    }
  }
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  return { depth, values, tooLarge: bytes > maxBytes };
}

const documentShape = z.strictObject({ type: z.literal("doc"), content: children.optional() });

/** A note body as the editor produces it: bounded in size and depth, node and mark types from an allowlist. */
export const noteDocumentSchema: z.ZodType<NoteDocument> = z
  .unknown()
  .superRefine((value, context) => {
    if (measureJson(value).tooLarge)
      context.addIssue({
        code: "custom",
        message: `The note is too long or too deeply nested (at most ${NOTE_DOCUMENT_LIMITS.maxBytes / 1000} KB)`,
      });
  })
  .pipe(documentShape);

const oneSource = (input: { template?: unknown; startFromLast?: unknown; bodyJson?: unknown }) =>
  [input.template !== undefined, input.startFromLast === true, input.bodyJson !== undefined].filter(Boolean).length <=
  1;

/**
 * `POST /api/contacts/:id/notes`: an empty draft, a template's body, a copy of the caller's latest
 * note for this client (`startFromLast`), or a body of the caller's own — one of these at most.
 */
export const createNoteInput = z
  .strictObject({
    template: z.enum(NOTE_TEMPLATE_IDS).optional(),
    startFromLast: z.boolean().optional(),
    bodyJson: noteDocumentSchema.optional(),
  })
  .refine(oneSource, {
    message: "Start from a template, from your last note or from your own text: one of them",
    path: ["template"],
  });

/** `PATCH /api/notes/:id`: the autosave of a draft. */
export const updateNoteInput = z.strictObject({ bodyJson: noteDocumentSchema });

/** `POST /api/notes/:id/sign`: `bodyJson`, when sent, is saved and signed in one step. */
export const signNoteInput = z.strictObject({ bodyJson: noteDocumentSchema.optional() });

/** `POST /api/notes/:id/amendments`. */
export const createAmendmentInput = z.strictObject({
  body: plainText(AMENDMENT_MAX_LENGTH).min(1, { message: "Write the amendment" }),
});

export const NOTES_PAGE_SIZE = 20;
export const NOTES_MAX_PAGE_SIZE = 50;

/** `GET /api/contacts/:id/notes`: newest first; `cursor` is the previous page's `nextCursor`. */
export const listNotesQuery = z.object({
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(NOTES_MAX_PAGE_SIZE).default(NOTES_PAGE_SIZE),
});

export const noteIdParams = z.object({ id: z.uuid() });

export type CreateNoteInput = z.output<typeof createNoteInput>;
export type UpdateNoteInput = z.output<typeof updateNoteInput>;
export type SignNoteInput = z.output<typeof signNoteInput>;
export type CreateAmendmentInput = z.output<typeof createAmendmentInput>;
export type ListNotesQuery = z.output<typeof listNotesQuery>;

export const noteAmendmentSchema = z.object({
  id: z.uuid(),
  noteId: z.uuid(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});

/** A note as every read answers it; the browser parses answers with this very schema. */
export const noteSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  bodyJson: noteDocumentSchema,
  bodyText: z.string(),
  /** A template id when the note started from one; kept as text so an older id still reads. */
  template: z.string().nullable(),
  status: z.enum(NOTE_STATUSES),
  /** True once signed: the body can no longer change, only amendments can be added. */
  locked: z.boolean(),
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Oldest first. */
  amendments: z.array(noteAmendmentSchema),
});

export const noteListResponse = z.object({
  items: z.array(noteSchema),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});

export type NoteAmendment = z.infer<typeof noteAmendmentSchema>;
export type Note = z.infer<typeof noteSchema>;
export type NoteListResponse = z.infer<typeof noteListResponse>;
