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
 *   "Show older notes" for the next page, through TanStack Query (`queryKeys.notes`). Every answer is
 *   parsed with the shared zod contract.
 * - "New note" offers the templates (SOAP, free-form, massage/bodywork, coaching) and "Start from my
 *   last note"; the new draft opens at the top in the rich-text editor.
 * - Drafts autosave about a second after typing stops ("Saving… / Saved 14:32 / Couldn't save —
 *   retrying"); unsaved text is kept in this browser and retried, and restored on the next visit.
 * - "Sign and lock" asks for confirmation, saves the final text and signs it; the note then shows
 *   read-only with its signing time, and takes dated amendments only. Drafts can be discarded.
 * - Renders on the client only (it fetches after mount); put it inside any page under a QueryProvider.
 */

import { CircleAlertIcon, NotebookPenIcon, RefreshCwIcon } from "lucide-react";
import { isApiError } from "@/lib/api-client";
import { cn } from "@/lib/utils";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { DraftNoteCard } from "./draft-note-card";
import { NewNoteMenu } from "./new-note-menu";
import { SignedNoteCard } from "./signed-note-card";
import { useCreateNote, useNotes } from "./use-notes";

export interface ClientNotesTimelineProps {
  contactId: string;
  className?: string;
}

const messageOf = (error: unknown, fallback: string) => (isApiError(error) ? error.message : fallback);

export function ClientNotesTimeline({ contactId, className }: ClientNotesTimelineProps) {
  const timeline = useNotes(contactId);
  const { notes } = timeline;
  const createNote = useCreateNote(contactId);
  const ready = timeline.isSuccess;
  const loadError = timeline.isError ? timeline.error : null;
  const failedToLoad = loadError !== null && !timeline.data;
  const actionError = createNote.error
    ? messageOf(createNote.error, "The note could not be started.")
    : timeline.isFetchNextPageError
      ? messageOf(loadError, "Older notes could not be loaded.")
      : null;

  const menu = (
    <NewNoteMenu
      hasNotes={notes.length > 0}
      pending={createNote.isPending}
      onCreate={(input) => createNote.mutate(input)}
    />
  );

  return (
    <section aria-labelledby="client-notes-heading" className={cn("grid gap-4", className)}>
      <div className="flex items-center justify-between gap-2">
        <h2 id="client-notes-heading" className="text-lg font-semibold">
          Notes
        </h2>
        {ready && notes.length > 0 && menu}
      </div>

      <ErrorAlert message={actionError} />

      {timeline.isPending && (
        <div aria-busy="true" aria-label="Loading notes" className="grid gap-3">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      )}

      {failedToLoad && (
        <Alert variant="destructive" role="alert">
          <CircleAlertIcon aria-hidden="true" />
          <AlertDescription className="grid justify-items-start gap-2">
            <p>
              {isApiError(loadError) && loadError.status === 404
                ? "This client could not be found."
                : messageOf(loadError, "The notes could not be loaded.")}
            </p>
            <Button variant="outline" size="sm" disabled={timeline.isFetching} onClick={() => void timeline.refetch()}>
              <RefreshCwIcon aria-hidden="true" />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      )}

      {ready && notes.length === 0 && (
        <EmptyState
          icon={NotebookPenIcon}
          title="No notes yet"
          description="Write the first session note from a template. Drafts save as you type; sign a note to lock it."
          action={menu}
        />
      )}

      {ready && notes.length > 0 && (
        <ol className="grid gap-4" aria-label="Notes, newest first">
          {notes.map((note) => (
            <li key={note.id}>
              {note.locked ? (
                <SignedNoteCard contactId={contactId} note={note} />
              ) : (
                <DraftNoteCard contactId={contactId} note={note} />
              )}
            </li>
          ))}
        </ol>
      )}

      {ready && timeline.hasNextPage && (
        <Button
          variant="outline"
          className="justify-self-center"
          disabled={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
        >
          {timeline.isFetchingNextPage ? "Loading…" : "Show older notes"}
        </Button>
      )}
    </section>
  );
}
