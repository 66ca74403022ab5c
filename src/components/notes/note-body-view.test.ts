import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { NoteDocument } from "@/lib/contracts/notes";
import { noteTemplate } from "@/lib/note-templates";
import { NoteBodyView } from "./note-body-view";

const render = (document: NoteDocument) => renderToStaticMarkup(createElement(NoteBodyView, { document }));

describe("NoteBodyView", () => {
  it("renders a template's sections one heading level under the note, prompts in bold", () => {
    const html = render(noteTemplate("soap").body);
    expect(html).toContain(">Subjective</h3>");
    expect(html).toContain("<strong>Chief complaint:</strong>");
    expect(html).not.toContain("<h2");
  });

  it("renders lists, marks and breaks", () => {
    const html = render({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Sub" }] },
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [
            {
              type: "listItem",
              content: [
                {
                  type: "paragraph",
                  content: [
                    { type: "text", text: "a", marks: [{ type: "italic" }, { type: "underline" }] },
                    { type: "hardBreak" },
                    { type: "text", text: "b" },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(html).toContain(">Sub</h4>");
    expect(html).toContain('<ol start="3"><li><p><u><em>a</em></u><br/>b</p></li></ol>');
  });

  it("shows markup in a note as text, never as HTML", () => {
    const html = render({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: '<img src=x onerror="alert(1)">' }] }],
    });
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
  });
});
