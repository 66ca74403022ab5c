import { describe, expect, it } from "vitest";
import type { NoteDocument } from "@/lib/contracts/notes";
import { noteTemplate } from "@/lib/note-templates";
import { AppError } from "@/server/errors";
import { prepareNoteBody } from "./note-body";

describe("prepareNoteBody", () => {
  it("gives an empty document the editor's one empty paragraph and no text", () => {
    expect(prepareNoteBody({ type: "doc", content: [] })).toEqual({
      bodyJson: { type: "doc", content: [{ type: "paragraph" }] },
      bodyText: "",
    });
  });

  it("derives one line per block from a template", () => {
    const { bodyText } = prepareNoteBody(noteTemplate("soap").body);
    expect(bodyText.split("\n").slice(0, 4)).toEqual([
      "Subjective",
      "Chief complaint:",
      "Pain level (0–10):",
      "Client's goals for today:",
    ]);
  });

  it("refuses a structure the editor could not open, as a 422 pointing at the body", () => {
    const invalid = { type: "doc", content: [{ type: "text", text: "loose text" }] } as NoteDocument;
    let refusal: unknown;
    try {
      prepareNoteBody(invalid);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 422, details: [{ path: "bodyJson" }] });
  });
});
