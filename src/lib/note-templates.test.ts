import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { NOTE_TEMPLATE_IDS, noteDocumentSchema, type NoteNode } from "@/lib/contracts/notes";
import { noteEditorExtensions } from "./note-editor-extensions";
import { NOTE_TEMPLATES, noteTemplate, templateName } from "./note-templates";

const editorSchema = getSchema(noteEditorExtensions);
const textOf = (node: NoteNode): string => node.text ?? (node.content ?? []).map(textOf).join("");

describe("note templates", () => {
  it("offers every template id, each a document both the contract and the editor accept", () => {
    expect(NOTE_TEMPLATES.map((template) => template.id)).toEqual([...NOTE_TEMPLATE_IDS]);
    for (const template of NOTE_TEMPLATES) {
      expect(noteDocumentSchema.parse(template.body)).toEqual(template.body);
      const node = editorSchema.nodeFromJSON(template.body);
      node.check();
      expect(node.toJSON()).toEqual(template.body);
    }
  });

  it("SOAP has its four sections, each followed by bold prompts the practitioner writes after in plain text", () => {
    const content = noteTemplate("soap").body.content ?? [];
    const headings = content.filter((node) => node.type === "heading");
    expect(headings.map(textOf)).toEqual(["Subjective", "Objective", "Assessment", "Plan"]);
    expect(headings.every((node) => node.attrs?.level === 2)).toBe(true);
    const prompt = content[1];
    expect(prompt?.content?.[0]).toEqual({ type: "text", text: "Chief complaint:", marks: [{ type: "bold" }] });
    expect(prompt?.content?.[1]).toEqual({ type: "text", text: " " });
  });

  it("the coaching template ends its commitments with an empty bullet list to fill in", () => {
    const content = noteTemplate("coaching-session").body.content ?? [];
    const list = content.findIndex((node) => node.type === "bulletList");
    expect(textOf(content[list - 1] as NoteNode)).toBe("Action items:");
    expect(content[list]?.content).toEqual([{ type: "listItem", content: [{ type: "paragraph" }] }]);
  });

  it("free-form is one empty paragraph", () => {
    expect(noteTemplate("free-form").body).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("names templates, and shows an id it no longer knows as itself", () => {
    expect(templateName("massage-session")).toBe("Massage / bodywork session");
    expect(templateName("retired-template")).toBe("retired-template");
    expect(templateName(null)).toBeNull();
  });
});
