"use client";

import { CircleAlertIcon, LoaderCircleIcon, Trash2Icon } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "@/lib/api-client";
import type { Note, NoteDocument } from "@/lib/contracts/notes";
import { templateName } from "@/lib/note-templates";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
import { AutosaveIndicator } from "./autosave-indicator";
import { clearDraftBackup, readDraftBackup } from "./draft-backup";
import { SignNoteDialog } from "./sign-note-dialog";
import { useAutosave } from "./use-autosave";
import { useDiscardDraft, useSignNote } from "./use-notes";

/**
 * The rich-text editor (tiptap and ProseMirror, the largest code on a client's page) is fetched only
 * when a draft is on screen; its frame holds the editor's place meanwhile so nothing shifts.
 */
const NoteEditor = dynamic(() => import("./note-editor").then((module) => module.NoteEditor), {
  ssr: false,
  loading: () => (
    <div className="rounded-lg border bg-card" aria-busy="true">
      <div className="h-10 border-b" aria-hidden="true" />
      <div className="min-h-48" />
    </div>
  ),
});

export interface DraftNoteCardProps {
  contactId: string;
  note: Note;
}

/** Text this browser holds that the server does not (a save that never landed), or the server's text. */
function startingText(note: Note): { document: NoteDocument; restored: boolean } {
  const backup = readDraftBackup(note.id);
  if (!backup || JSON.stringify(backup) === JSON.stringify(note.bodyJson))
    return { document: note.bodyJson, restored: false };
  return { document: backup, restored: true };
}

/** A draft being written: the editor with autosave, then sign-and-lock or discard. */
export function DraftNoteCard({ contactId, note }: DraftNoteCardProps) {
  const [start] = useState(() => startingText(note));
  const latest = useRef<NoteDocument>(start.document);
  const autosave = useAutosave(contactId, note.id);
  const { update } = autosave;
  const signNote = useSignNote(contactId);
  const discardDraft = useDiscardDraft(contactId);
  const discarding = discardDraft.isPending || discardDraft.isSuccess;
  const discardError = discardDraft.error
    ? isApiError(discardDraft.error)
      ? discardDraft.error.message
      : "The draft could not be discarded"
    : null;
  const format = usePractitionerFormat();
  const headingId = `note-${note.id}-title`;

  useEffect(() => {
    // Unsaved text found in this browser goes to the server straight away.
    if (start.restored) update(start.document);
  }, [start, update]);

  function change(document: NoteDocument) {
    latest.current = document;
    update(document);
  }

  async function sign() {
    // What is waiting is sent with the signature itself, so a failed flush only delays nothing.
    await autosave.flush().catch(() => undefined);
    await signNote.mutateAsync({ noteId: note.id, bodyJson: latest.current });
    clearDraftBackup(note.id);
  }

  function discard() {
    discardDraft.mutate(note.id, { onSuccess: () => clearDraftBackup(note.id) });
  }

  const template = templateName(note.template);
  return (
    <article aria-labelledby={headingId} className="grid gap-3 rounded-xl border bg-card p-4 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-sm font-semibold">
            Draft · {format.dateTime(note.createdAt)}
          </h3>
          {template && <p className="text-xs text-muted-foreground">{template}</p>}
        </div>
        <AutosaveIndicator state={autosave.state} />
      </header>
      {start.restored && (
        <Alert role="status">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription>
            <p>Restored text from this browser that had not been saved yet.</p>
          </AlertDescription>
        </Alert>
      )}
      <NoteEditor
        initialContent={start.document}
        onChange={change}
        label={`Draft note of ${format.dateTime(note.createdAt)}`}
      />
      {discardError && (
        <p role="alert" className="text-sm text-destructive">
          {discardError}
        </p>
      )}
      <footer className="flex flex-wrap justify-end gap-2">
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="ghost" disabled={discarding}>
              <Trash2Icon aria-hidden="true" />
              Discard draft
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Discard this draft?</AlertDialogTitle>
              <AlertDialogDescription>
                The draft and its text are deleted. This cannot be undone.
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep draft</AlertDialogCancel>
              <Button variant="destructive" disabled={discarding} onClick={discard}>
                {discarding && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
                Discard
              </Button>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
        <SignNoteDialog onSign={sign} />
      </footer>
    </article>
  );
}
