import { contactIdParams } from "@/lib/contracts/contacts";
import { defineRoute } from "@/server/http/route";
import { createNote, createNoteInput, listNotes, listNotesInput } from "@/server/services/notes";

export const GET = defineRoute({
  auth: "required",
  params: contactIdParams,
  query: listNotesInput,
  handler: async ({ user, params, query }) => listNotes({ userId: user.id }, { contactId: params.id, ...query }),
});

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: contactIdParams,
  body: createNoteInput,
  successStatus: 201,
  handler: async ({ user, params, body }) => createNote({ userId: user.id }, { contactId: params.id, ...body }),
});
