"use client";

import { LockIcon } from "lucide-react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import type { Note } from "@/lib/contracts/notes";
import { templateName } from "@/lib/note-templates";
import { AmendmentForm } from "./amendment-form";
import { NoteBodyView } from "./note-body-view";

export interface SignedNoteCardProps {
  contactId: string;
  note: Note;
}

/** A signed note: read-only, with its dated amendments in order and a form to add one. */
export function SignedNoteCard({ contactId, note }: SignedNoteCardProps) {
  const format = usePractitionerFormat();
  const headingId = `note-${note.id}-title`;
  const template = templateName(note.template);
  return (
    <article aria-labelledby={headingId} className="grid gap-3 rounded-xl border bg-card p-4 shadow-sm">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-sm font-semibold">
            {format.dateTime(note.createdAt)}
          </h3>
          {template && <p className="text-xs text-muted-foreground">{template}</p>}
        </div>
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <LockIcon aria-hidden="true" className="size-3.5" />
          Signed {note.signedAt ? format.dateTime(note.signedAt) : ""}
        </p>
      </header>
      <NoteBodyView document={note.bodyJson} />
      {note.amendments.length > 0 && (
        <section aria-label="Amendments" className="grid gap-2 border-t pt-3">
          {note.amendments.map((amendment) => (
            <div key={amendment.id} className="rounded-md bg-muted/60 px-3 py-2">
              <p className="text-xs font-medium text-muted-foreground">
                Amendment · {format.dateTime(amendment.createdAt)}
              </p>
              <p className="text-sm whitespace-pre-wrap">{amendment.body}</p>
            </div>
          ))}
        </section>
      )}
      <div>
        <AmendmentForm contactId={contactId} noteId={note.id} />
      </div>
    </article>
  );
}
