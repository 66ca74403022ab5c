import type { NoteDocument, NoteNode, NoteTemplateId } from "@/lib/contracts/notes";

/** A starting structure for a session note: section headings with labelled prompts to write after. */
export interface NoteTemplate {
  id: NoteTemplateId;
  name: string;
  description: string;
  body: NoteDocument;
}

/** Each section: a heading, labelled prompts to write after, and optionally a labelled bullet list to fill in. */
interface TemplateSection {
  heading: string;
  prompts: string[];
  list?: string;
}

interface TemplateOutline {
  name: string;
  description: string;
  sections: TemplateSection[];
}

const OUTLINES: Record<NoteTemplateId, TemplateOutline> = {
  soap: {
    name: "SOAP note",
    description: "Subjective, objective, assessment and plan: the clinical standard.",
    sections: [
      { heading: "Subjective", prompts: ["Chief complaint:", "Pain level (0–10):", "Client's goals for today:"] },
      { heading: "Objective", prompts: ["Observations:", "Range of motion:", "Palpation findings:"] },
      { heading: "Assessment", prompts: ["Progress since last session:", "Response to treatment:"] },
      { heading: "Plan", prompts: ["Next session:", "Home care:", "Referrals:"] },
    ],
  },
  "free-form": {
    name: "Free-form",
    description: "A blank page.",
    sections: [],
  },
  "massage-session": {
    name: "Massage / bodywork session",
    description: "Health check, techniques, areas worked, client feedback and aftercare.",
    sections: [
      {
        heading: "Before the session",
        prompts: ["Health changes since last visit:", "Contraindications checked:", "Areas to focus on:"],
      },
      { heading: "Treatment", prompts: ["Session length:", "Techniques used:", "Pressure:", "Areas worked:"] },
      { heading: "Client feedback", prompts: ["During the session:", "After the session:"] },
      { heading: "Aftercare", prompts: ["Self-care advice given:", "Recommended next visit:"] },
    ],
  },
  "coaching-session": {
    name: "Coaching session",
    description: "Focus, insights, obstacles and the commitments the client leaves with.",
    sections: [
      { heading: "Session focus", prompts: ["What the client brought:", "Progress on last commitments:"] },
      { heading: "Insights and wins", prompts: ["Key insights:", "Wins to celebrate:"] },
      { heading: "Obstacles", prompts: ["What is in the way:"] },
      { heading: "Commitments", prompts: [], list: "Action items:" },
      { heading: "Next session", prompts: ["Date:", "Topic to pick up:"] },
    ],
  },
};

const text = (value: string, bold = false): NoteNode =>
  bold ? { type: "text", text: value, marks: [{ type: "bold" }] } : { type: "text", text: value };

// The label is bold; the space after it is not, so what the practitioner types there is plain.
const promptParagraph = (label: string): NoteNode => ({ type: "paragraph", content: [text(label, true), text(" ")] });

const emptyList: NoteNode = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] };

function sectionNodes({ heading, prompts, list }: TemplateSection): NoteNode[] {
  const nodes: NoteNode[] = [{ type: "heading", attrs: { level: 2 }, content: [text(heading)] }];
  nodes.push(...prompts.map(promptParagraph));
  if (list) nodes.push({ type: "paragraph", content: [text(list, true)] }, emptyList);
  return nodes;
}

function buildTemplate(id: NoteTemplateId): NoteTemplate {
  const { name, description, sections } = OUTLINES[id];
  const content = sections.flatMap(sectionNodes);
  return {
    id,
    name,
    description,
    body: { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] },
  };
}

export const NOTE_TEMPLATES: readonly NoteTemplate[] = (Object.keys(OUTLINES) as NoteTemplateId[]).map(buildTemplate);

export function noteTemplate(id: NoteTemplateId): NoteTemplate {
  return buildTemplate(id);
}

/** The display name of a stored template id; an id no longer offered reads as itself. */
export function templateName(id: string | null): string | null {
  if (id === null) return null;
  return (OUTLINES as Record<string, TemplateOutline | undefined>)[id]?.name ?? id;
}
