"use client";

import { CircleAlertIcon, LoaderCircleIcon, Trash2Icon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { usePractitionerFormat } from "@/components/format/practitioner-format";
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
import { AutosaveIndicator } from "./autosave-indicator";
import { clearDraftBackup, readDraftBackup } from "./draft-backup";
import { NoteEditor } from "./note-editor";
import { discardDraft, signNote } from "./notes-api";
import { SignNoteDialog } from "./sign-note-dialog";
import { useAutosave } from "./use-autosave";

export interface DraftNoteCardProps {
  note: Note;
  onSigned: (note: Note) => void;
  onDiscarded: (noteId: string) => void;
}

/** Text this browser holds that the server does not (a save that never landed), or the server's text. */
function startingText(note: Note): { document: NoteDocument; restored: boolean } {
  const backup = readDraftBackup(note.id);
  if (!backup || JSON.stringify(backup) === JSON.stringify(note.bodyJson))
    return { document: note.bodyJson, restored: false };
  return { document: backup, restored: true };
}

/** A draft being written: the editor with autosave, then sign-and-lock or discard. */
export function DraftNoteCard({ note, onSigned, onDiscarded }: DraftNoteCardProps) {
  const [start] = useState(() => startingText(note));
  const latest = useRef<NoteDocument>(start.document);
  const autosave = useAutosave(note.id);
  const { update } = autosave;
  const [discardError, setDiscardError] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState(false);
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
    const signed = await signNote(note.id, latest.current);
    clearDraftBackup(note.id);
    onSigned(signed);
  }

  async function discard() {
    setDiscarding(true);
    setDiscardError(null);
    try {
      await discardDraft(note.id);
      clearDraftBackup(note.id);
      onDiscarded(note.id);
    } catch (failure) {
      setDiscardError(isApiError(failure) ? failure.message : "The draft could not be discarded");
      setDiscarding(false);
    }
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
              <Button variant="destructive" disabled={discarding} onClick={() => void discard()}>
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
