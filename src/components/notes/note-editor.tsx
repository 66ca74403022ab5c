"use client";

import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import {
  BoldIcon,
  Heading2Icon,
  Heading3Icon,
  ItalicIcon,
  ListIcon,
  ListOrderedIcon,
  Redo2Icon,
  UnderlineIcon,
  Undo2Icon,
  type LucideIcon,
} from "lucide-react";
import { useRef, useState, type KeyboardEvent } from "react";
import type { NoteDocument } from "@/lib/contracts/notes";
import { noteEditorExtensions } from "@/lib/note-editor-extensions";
import { cn } from "@/lib/utils";
import { noteEditorHeadingsClass, noteProseClass } from "./note-prose";

type ToolGroup = "text" | "blocks" | "history";

interface Tool {
  group: ToolGroup;
  label: string;
  icon: LucideIcon;
  /** Whether the selection already has it (shown as pressed); tools without state are plain buttons. */
  active?: (editor: Editor) => boolean;
  run: (editor: Editor) => boolean;
}

const TOOLS: Tool[] = [
  {
    group: "text",
    label: "Bold",
    icon: BoldIcon,
    active: (e) => e.isActive("bold"),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    group: "text",
    label: "Italic",
    icon: ItalicIcon,
    active: (e) => e.isActive("italic"),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    group: "text",
    label: "Underline",
    icon: UnderlineIcon,
    active: (e) => e.isActive("underline"),
    run: (e) => e.chain().focus().toggleUnderline().run(),
  },
  {
    group: "blocks",
    label: "Section heading",
    icon: Heading2Icon,
    active: (e) => e.isActive("heading", { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    group: "blocks",
    label: "Subheading",
    icon: Heading3Icon,
    active: (e) => e.isActive("heading", { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    group: "blocks",
    label: "Bulleted list",
    icon: ListIcon,
    active: (e) => e.isActive("bulletList"),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    group: "blocks",
    label: "Numbered list",
    icon: ListOrderedIcon,
    active: (e) => e.isActive("orderedList"),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  { group: "history", label: "Undo", icon: Undo2Icon, run: (e) => e.chain().focus().undo().run() },
  { group: "history", label: "Redo", icon: Redo2Icon, run: (e) => e.chain().focus().redo().run() },
];

const GROUPS: ToolGroup[] = ["text", "blocks", "history"];

/** Arrow keys, Home and End move between tools (the ARIA toolbar pattern: one tab stop for the whole bar). */
const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  // Re-renders only when a tool's pressed state changes, not on every keystroke.
  const pressed = useEditorState({
    editor,
    selector: ({ editor: current }) => TOOLS.map((tool) => tool.active?.(current) ?? null),
  });
  const [focused, setFocused] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(focused, TOOLS.length);
    setFocused(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={`${label} formatting`}
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 border-b p-1"
    >
      {GROUPS.map((group) => (
        <div key={group} className="flex items-center gap-0.5 not-last:border-r not-last:pr-1">
          {TOOLS.map((tool, index) => {
            if (tool.group !== group) return null;
            const isPressed = pressed[index] ?? null;
            return (
              <button
                key={tool.label}
                ref={(element) => {
                  buttons.current[index] = element;
                }}
                type="button"
                title={tool.label}
                aria-label={tool.label}
                tabIndex={index === focused ? 0 : -1}
                {...(isPressed === null ? {} : { "aria-pressed": isPressed })}
                onFocus={() => setFocused(index)}
                onClick={() => tool.run(editor)}
                className="inline-flex size-8 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-ring aria-pressed:bg-accent aria-pressed:text-accent-foreground"
              >
                <tool.icon aria-hidden="true" className="size-4" />
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

export interface NoteEditorProps {
  /** The document to start from; later changes to this prop are ignored (the editor owns the text). */
  initialContent: NoteDocument;
  /** Called with the editor's JSON after every change. */
  onChange: (document: NoteDocument) => void;
  /** Accessible name of the text area, e.g. "Note for 12 March". */
  label?: string;
  className?: string;
}

/** The rich-text editor for a draft note: headings, emphasis, lists, undo; the same schema the server checks. */
export function NoteEditor({ initialContent, onChange, label = "Note", className }: NoteEditorProps) {
  const editor = useEditor({
    extensions: noteEditorExtensions,
    // Same shape; TipTap's type spells optional keys without `| undefined`.
    content: initialContent as JSONContent,
    // Rendered on the client only: the server has no DOM to measure, and hydration must match.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        class: cn("min-h-48 px-4 py-3 outline-none", noteProseClass, noteEditorHeadingsClass),
      },
    },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as NoteDocument),
  });

  return (
    <div
      className={cn(
        "rounded-lg border bg-card focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring",
        className,
      )}
    >
      {editor ? <Toolbar editor={editor} label={label} /> : <div className="h-10 border-b" aria-hidden="true" />}
      <EditorContent editor={editor} />
    </div>
  );
}
