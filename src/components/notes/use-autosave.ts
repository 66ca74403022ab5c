"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "@/lib/api-client";
import type { NoteDocument } from "@/lib/contracts/notes";
import { AutosaveQueue, type AutosaveState } from "./autosave-queue";
import { draftBackup } from "./draft-backup";
import { useSaveDraft } from "./use-notes";

/** Answers a retry cannot change: the note is gone, signed, or the text is refused as it stands. */
const PERMANENT_STATUSES = new Set([401, 404, 409, 413, 422]);

export interface Autosave {
  state: AutosaveState;
  /** Hand every editor change here. */
  update: (document: NoteDocument) => void;
  /** Saves what is waiting; rejects if it cannot be saved. */
  flush: () => Promise<void>;
}

/** Autosave of one draft: ~1 s after typing stops, retried until it lands, backed up locally meanwhile. */
export function useAutosave(contactId: string, noteId: string): Autosave {
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const queueRef = useRef<AutosaveQueue<NoteDocument> | null>(null);
  const saveDraft = useSaveDraft(contactId, noteId);

  useEffect(() => {
    const queue = new AutosaveQueue<NoteDocument>({
      save: saveDraft,
      onState: setState,
      isPermanent: (error) => isApiError(error) && PERMANENT_STATUSES.has(error.status),
      backup: draftBackup(noteId),
    });
    queueRef.current = queue;
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (queue.hasUnsaved()) event.preventDefault();
    };
    const retry = () => queue.retryNow();
    window.addEventListener("beforeunload", warnBeforeLeaving);
    window.addEventListener("online", retry);
    return () => {
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      window.removeEventListener("online", retry);
      // Leaving the editor: send what is waiting; the local backup covers a failure.
      void queue.flush().catch(() => undefined);
      queue.dispose();
      queueRef.current = null;
    };
  }, [noteId, saveDraft]);

  const update = useCallback((document: NoteDocument) => queueRef.current?.update(document), []);
  const flush = useCallback(async () => {
    await queueRef.current?.flush();
  }, []);

  return { state, update, flush };
}
