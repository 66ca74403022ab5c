import { defineRoute } from "@/server/http/route";
import {
  deleteNote,
  deleteNoteInput,
  getNote,
  getNoteInput,
  updateNote,
  updateNoteInput,
  updateNoteParams,
} from "@/server/services/notes";

export const GET = defineRoute({
  auth: "required",
  params: getNoteInput,
  handler: async ({ user, params }) => getNote({ userId: user.id }, params),
});

/** The editor's autosave of a draft; a signed note answers 409. */
export const PATCH = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: updateNoteParams,
  body: updateNoteInput,
  handler: async ({ user, params, body }) => updateNote({ userId: user.id }, { id: params.id, ...body }),
});

export const DELETE = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: deleteNoteInput,
  successStatus: 204,
  handler: async ({ user, params }) => deleteNote({ userId: user.id }, params),
});
