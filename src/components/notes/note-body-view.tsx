import { Fragment, type ReactNode } from "react";
import type { NoteDocument, NoteMarkType, NoteNode, NoteNodeType } from "@/lib/contracts/notes";
import { cn } from "@/lib/utils";
import { noteProseClass, noteSectionHeadingClass, noteSubheadingClass } from "./note-prose";

type Render = (children: ReactNode, node: NoteNode, key: number) => ReactNode;

/** One element per node type. React escapes every text, so a stored note can never inject markup. */
const NODES: Record<NoteNodeType, Render> = {
  paragraph: (children, _node, key) => <p key={key}>{children}</p>,
  heading: (children, node, key) =>
    node.attrs?.level === 3 ? (
      <h4 key={key} className={noteSubheadingClass}>
        {children}
      </h4>
    ) : (
      <h3 key={key} className={noteSectionHeadingClass}>
        {children}
      </h3>
    ),
  text: (children) => children,
  bulletList: (children, _node, key) => <ul key={key}>{children}</ul>,
  orderedList: (children, node, key) => (
    <ol key={key} start={typeof node.attrs?.start === "number" ? node.attrs.start : undefined}>
      {children}
    </ol>
  ),
  listItem: (children, _node, key) => <li key={key}>{children}</li>,
  blockquote: (children, _node, key) => <blockquote key={key}>{children}</blockquote>,
  codeBlock: (children, _node, key) => (
    <pre key={key}>
      <code>{children}</code>
    </pre>
  ),
  hardBreak: (_children, _node, key) => <br key={key} />,
  horizontalRule: (_children, _node, key) => <hr key={key} />,
};

const MARKS: Record<NoteMarkType, (children: ReactNode) => ReactNode> = {
  bold: (children) => <strong>{children}</strong>,
  italic: (children) => <em>{children}</em>,
  underline: (children) => <u>{children}</u>,
  strike: (children) => <s>{children}</s>,
  code: (children) => <code>{children}</code>,
};

function renderNode(node: NoteNode, key: number): ReactNode {
  if (node.type === "text") {
    const text = (node.marks ?? []).reduce<ReactNode>((inner, mark) => MARKS[mark.type](inner), node.text ?? "");
    return <Fragment key={key}>{text}</Fragment>;
  }
  return NODES[node.type](node.content?.map(renderNode), node, key);
}

/** A note body, read-only (signed notes); headings sit one level under the note's own title. */
export function NoteBodyView({ document, className }: { document: NoteDocument; className?: string }) {
  return <div className={cn(noteProseClass, className)}>{document.content?.map(renderNode)}</div>;
}
