import { noteDocumentSchema, type NoteDocument } from "@/lib/contracts/notes";
import type { AutosaveBackup } from "./autosave-queue";

/** Unsaved note text kept in this browser until the server has it, so a crash or a lost connection loses nothing. */

const keyFor = (noteId: string) => `omnicrm:note-draft:${noteId}`;

export function draftBackup(noteId: string): AutosaveBackup<NoteDocument> {
  return {
    write(value) {
      try {
        window.localStorage.setItem(keyFor(noteId), JSON.stringify(value));
      } catch {
        // Storage full or disabled: the in-memory copy and the retries still hold the text.
      }
    },
    clear() {
      try {
        window.localStorage.removeItem(keyFor(noteId));
      } catch {
        // Nothing to clear when storage is unavailable.
      }
    },
  };
}

/** Text left from an earlier visit that never reached the server, if it is still a valid document. */
export function readDraftBackup(noteId: string): NoteDocument | null {
  try {
    const stored = window.localStorage.getItem(keyFor(noteId));
    if (!stored) return null;
    const parsed = noteDocumentSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearDraftBackup(noteId: string): void {
  draftBackup(noteId).clear();
}
