"use client";

/**
 * `<ClientNotesTimeline contactId={client.id} />` — the notes section of a client's page.
 *
 * Props
 * - `contactId` (required): id of a client the signed-in practitioner owns. An unknown or another
 *   practitioner's id shows "This client could not be found" (the API answers 404).
 * - `className` (optional): classes for the outer `<section>`.
 *
 * Behaviour
 * - Loads the client's notes from `GET /api/contacts/:id/notes`, newest first, 20 at a time, with
 *   "Show older notes" for the next page. Every answer is parsed with the shared zod contract.
 * - "New note" offers the templates (SOAP, free-form, massage/bodywork, coaching) and "Start from my
 *   last note"; the new draft opens at the top in the rich-text editor.
 * - Drafts autosave about a second after typing stops ("Saving… / Saved 14:32 / Couldn't save —
 *   retrying"); unsaved text is kept in this browser and retried, and restored on the next visit.
 * - "Sign and lock" asks for confirmation, saves the final text and signs it; the note then shows
 *   read-only with its signing time, and takes dated amendments only. Drafts can be discarded.
 * - Renders on the client only (it fetches after mount); put it inside any server or client page.
 */

import { CircleAlertIcon, NotebookPenIcon, RefreshCwIcon } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { isApiError } from "@/lib/api-client";
import type { CreateNoteInput, Note, NoteAmendment } from "@/lib/contracts/notes";
import { cn } from "@/lib/utils";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { DraftNoteCard } from "./draft-note-card";
import { NewNoteMenu } from "./new-note-menu";
import { createNote, fetchNotes } from "./notes-api";
import { SignedNoteCard } from "./signed-note-card";

export interface ClientNotesTimelineProps {
  contactId: string;
  className?: string;
}

type Load = { kind: "loading" } | { kind: "ready" } | { kind: "failed"; message: string };

const messageOf = (error: unknown, fallback: string) => (isApiError(error) ? error.message : fallback);

export function ClientNotesTimeline({ contactId, className }: ClientNotesTimelineProps) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The first page belongs to one client and one attempt; anything else still shows as loading.
  const pageKey = `${contactId}:${attempt}`;
  const [firstPage, setFirstPage] = useState<{ key: string; load: Load }>({ key: "", load: { kind: "loading" } });
  const load: Load = firstPage.key === pageKey ? firstPage.load : { kind: "loading" };
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [creating, setCreating] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchNotes(contactId, null, controller.signal)
      .then((page) => {
        setNotes(page.items);
        setNextCursor(page.nextCursor);
        setFirstPage({ key: pageKey, load: { kind: "ready" } });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = isApiError(error) && error.status === 404;
        const message = notFound
          ? "This client could not be found."
          : messageOf(error, "The notes could not be loaded.");
        setFirstPage({ key: pageKey, load: { kind: "failed", message } });
      });
    return () => controller.abort();
  }, [contactId, pageKey]);

  async function showOlder() {
    if (!nextCursor) return;
    setLoadingOlder(true);
    setActionError(null);
    try {
      const page = await fetchNotes(contactId, nextCursor);
      setNotes((current) => [...current, ...page.items.filter((note) => !current.some((seen) => seen.id === note.id))]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      setActionError(messageOf(error, "Older notes could not be loaded."));
    } finally {
      setLoadingOlder(false);
    }
  }

  async function startNote(input: CreateNoteInput) {
    setCreating(true);
    setActionError(null);
    try {
      const note = await createNote(contactId, input);
      setNotes((current) => [note, ...current]);
    } catch (error) {
      setActionError(messageOf(error, "The note could not be started."));
    } finally {
      setCreating(false);
    }
  }

  const replace = useCallback((note: Note) => {
    setNotes((current) => current.map((existing) => (existing.id === note.id ? note : existing)));
  }, []);
  const remove = useCallback((noteId: string) => {
    setNotes((current) => current.filter((existing) => existing.id !== noteId));
  }, []);
  const appendAmendment = useCallback((noteId: string, amendment: NoteAmendment) => {
    setNotes((current) =>
      current.map((note) => (note.id === noteId ? { ...note, amendments: [...note.amendments, amendment] } : note)),
    );
  }, []);

  const menu = (
    <NewNoteMenu hasNotes={notes.length > 0} pending={creating} onCreate={(input) => void startNote(input)} />
  );

  return (
    <section aria-labelledby="client-notes-heading" className={cn("grid gap-4", className)}>
      <div className="flex items-center justify-between gap-2">
        <h2 id="client-notes-heading" className="text-lg font-semibold">
          Notes
        </h2>
        {load.kind === "ready" && notes.length > 0 && menu}
      </div>

      <ErrorAlert message={actionError} />

      {load.kind === "loading" && (
        <div aria-busy="true" aria-label="Loading notes" className="grid gap-3">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      )}

      {load.kind === "failed" && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="grid justify-items-start gap-2">
            <p>{load.message}</p>
            <Button variant="outline" size="sm" onClick={() => setAttempt((count) => count + 1)}>
              <RefreshCwIcon aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {load.kind === "ready" && notes.length === 0 && (
        <EmptyState
          icon={NotebookPenIcon}
          title="No notes yet"
          description="Write the first session note from a template. Drafts save as you type; sign a note to lock it."
          action={menu}
        />
      )}

      {load.kind === "ready" && notes.length > 0 && (
        <ol className="grid gap-4" aria-label="Notes, newest first">
          {notes.map((note) => (
            <li key={note.id}>
              {note.locked ? (
                <SignedNoteCard note={note} onAmended={appendAmendment} />
              ) : (
                <DraftNoteCard note={note} onSigned={replace} onDiscarded={remove} />
              )}
            </li>
          ))}
        </ol>
      )}

      {load.kind === "ready" && nextCursor && (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={loadingOlder}
          onClick={() => void showOlder()}
        >
          {loadingOlder ? "Loading…" : "Show older notes"}
        </Button>
      )}
    </section>
  );
}
