export { listNotes, listNotesInput } from "./list-notes";
export { createNote, createNoteInput } from "./create-note";
export { getNote, getNoteInput } from "./get-note";
export { updateNote, updateNoteInput, updateNoteParams } from "./update-note";
export { deleteNote, deleteNoteInput } from "./delete-note";
export { signNote, signNoteInput, signNoteParams } from "./sign-note";
export { addNoteAmendment, addNoteAmendmentInput, addNoteAmendmentParams } from "./add-note-amendment";
export { prepareNoteBody, type NoteBody } from "./note-body";
