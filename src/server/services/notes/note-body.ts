import { getSchema, getText, getTextSerializersFromSchema } from "@tiptap/core";
import type { Node as DocumentNode } from "@tiptap/pm/model";
import type { NoteDocument } from "@/lib/contracts/notes";
import { noteEditorExtensions } from "@/lib/note-editor-extensions";
import { AppError } from "@/server/errors";

const editorSchema = getSchema(noteEditorExtensions);
const textSerializers = getTextSerializersFromSchema(editorSchema);

export interface NoteBody {
  /** The document as the editor itself would save it (a `NoteDocument`, typed as the column stores it). */
  bodyJson: Record<string, unknown>;
  /** Plain text for search, derived here and never taken from the caller. */
  bodyText: string;
}

function invalidDocument(reason: string, cause?: unknown): AppError {
  return new AppError("validation_failed", "The note is not a document the editor can open", {
    details: [{ path: "bodyJson", message: reason }],
    cause,
  });
}

/** Parses with the editor's own schema: zod has already bounded the shape, this checks which node may hold which. */
function toEditorDocument(document: NoteDocument): DocumentNode {
  let parsed: DocumentNode;
  try {
    parsed = editorSchema.nodeFromJSON(document);
  } catch (cause) {
    throw invalidDocument(cause instanceof Error ? cause.message : "Unreadable document", cause);
  }
  // An empty document gets the one empty paragraph the editor itself starts with.
  const filled = editorSchema.topNodeType.createAndFill(null, parsed.content);
  if (!filled) throw invalidDocument("The document's top level holds something other than blocks");
  try {
    filled.check();
  } catch (cause) {
    throw invalidDocument(cause instanceof Error ? cause.message : "Invalid structure", cause);
  }
  return filled;
}

/** Normalises a note body and derives its search text: one line per block, no blank or padded lines. */
export function prepareNoteBody(document: NoteDocument): NoteBody {
  const node = toEditorDocument(document);
  const bodyText = getText(node, { blockSeparator: "\n", textSerializers })
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
  return { bodyJson: node.toJSON() as Record<string, unknown>, bodyText };
}
