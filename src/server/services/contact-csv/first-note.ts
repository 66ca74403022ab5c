import type { NoteDocument } from "@/lib/contracts/notes";
import { prepareNoteBody, type NoteBody } from "@/server/services/notes";

/** A draft note holding imported plain text: one paragraph per line, as the editor would save it. */
export function firstNoteBody(text: string): NoteBody {
  const document: NoteDocument = {
    type: "doc",
    content: text
      .split(/\r\n|\n|\r/)
      .map((line) =>
        line.trim() === "" ? { type: "paragraph" } : { type: "paragraph", content: [{ type: "text", text: line }] },
      ),
  };
  return prepareNoteBody(document);
}
