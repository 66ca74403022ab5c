"use client";

import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { CreateNoteInput, Note, NoteAmendment, NoteDocument, NoteListResponse } from "@/lib/contracts/notes";
import { queryKeys } from "@/lib/query-keys";
import { addAmendment, createNote, discardDraft, fetchNotes, saveDraft, signNote } from "./notes-api";

type NotePages = InfiniteData<NoteListResponse, string | null>;

/** One client's notes, newest first, a page at a time ("Show older notes" loads the next). */
export function useNotes(contactId: string) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.notes(contactId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchNotes(contactId, pageParam, signal),
    getNextPageParam: (page) => page.nextCursor,
  });
  // A note created meanwhile can also arrive on a later page: each shows once.
  const notes = useMemo<Note[]>(() => {
    const seen = new Set<string>();
    return (pages.data?.pages ?? [])
      .flatMap((page) => page.items)
      .filter((note) => !seen.has(note.id) && Boolean(seen.add(note.id)));
  }, [pages.data]);
  return { ...pages, notes };
}

/**
 * Changes the cached timeline in place, then marks it stale: what is on screen updates at once (an open
 * editor is not reloaded under the practitioner's cursor), and the next visit fetches it again.
 */
function useEditNotes(contactId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (edit: (notes: Note[], pageIndex: number) => Note[]) => {
      const key = queryKeys.notes(contactId);
      queryClient.setQueryData<NotePages>(key, (data) =>
        data
          ? { ...data, pages: data.pages.map((page, index) => ({ ...page, items: edit(page.items, index) })) }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: key, refetchType: "none" });
    },
    [contactId, queryClient],
  );
}

const replaceNote = (note: Note) => (notes: Note[]) =>
  notes.map((existing) => (existing.id === note.id ? note : existing));

/** Starts a draft from a template (or the last note); it opens at the top. */
export function useCreateNote(contactId: string) {
  const editNotes = useEditNotes(contactId);
  return useMutation({
    mutationFn: (input: CreateNoteInput) => createNote(contactId, input),
    onSuccess: (note) => editNotes((notes, page) => (page === 0 ? [note, ...notes] : notes)),
  });
}

/** Saves a draft's text (autosave); the cache keeps the saved text for the next time the timeline shows. */
export function useSaveDraft(contactId: string, noteId: string) {
  const editNotes = useEditNotes(contactId);
  return useCallback(
    async (document: NoteDocument) => {
      const saved = await saveDraft(noteId, document);
      editNotes(replaceNote(saved));
    },
    [editNotes, noteId],
  );
}

export function useSignNote(contactId: string) {
  const editNotes = useEditNotes(contactId);
  return useMutation({
    mutationFn: ({ noteId, bodyJson }: { noteId: string; bodyJson: NoteDocument }) => signNote(noteId, bodyJson),
    onSuccess: (note) => editNotes(replaceNote(note)),
  });
}

export function useDiscardDraft(contactId: string) {
  const editNotes = useEditNotes(contactId);
  return useMutation({
    mutationFn: (noteId: string) => discardDraft(noteId),
    onSuccess: (_answer, noteId) => editNotes((notes) => notes.filter((note) => note.id !== noteId)),
  });
}

export function useAddAmendment(contactId: string) {
  const editNotes = useEditNotes(contactId);
  return useMutation({
    mutationFn: ({ noteId, body }: { noteId: string; body: string }) => addAmendment(noteId, body),
    onSuccess: (amendment: NoteAmendment) =>
      editNotes((notes) =>
        notes.map((note) =>
          note.id === amendment.noteId ? { ...note, amendments: [...note.amendments, amendment] } : note,
        ),
      ),
  });
}
