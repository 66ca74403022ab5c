import { apiRequest } from "@/lib/api-client";
import {
  noteAmendmentSchema,
  noteListResponse,
  noteSchema,
  type CreateNoteInput,
  type NoteDocument,
} from "@/lib/contracts/notes";

/** The notes API as the browser calls it; every answer is parsed with the contract the server answers with. */

export function fetchNotes(contactId: string, cursor: string | null, signal?: AbortSignal) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiRequest(`/api/contacts/${contactId}/notes${query}`, {
    schema: noteListResponse,
    ...(signal ? { signal } : {}),
  });
}

export function createNote(contactId: string, input: CreateNoteInput) {
  return apiRequest(`/api/contacts/${contactId}/notes`, { method: "POST", body: input, schema: noteSchema });
}

export function saveDraft(noteId: string, bodyJson: NoteDocument) {
  return apiRequest(`/api/notes/${noteId}`, { method: "PATCH", body: { bodyJson }, schema: noteSchema });
}

export function discardDraft(noteId: string) {
  return apiRequest(`/api/notes/${noteId}`, { method: "DELETE" });
}

export function signNote(noteId: string, bodyJson: NoteDocument) {
  return apiRequest(`/api/notes/${noteId}/sign`, { method: "POST", body: { bodyJson }, schema: noteSchema });
}

export function addAmendment(noteId: string, body: string) {
  return apiRequest(`/api/notes/${noteId}/amendments`, {
    method: "POST",
    body: { body },
    schema: noteAmendmentSchema,
  });
}
