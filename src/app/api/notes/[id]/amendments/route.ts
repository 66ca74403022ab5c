import { defineRoute } from "@/server/http/route";
import { addNoteAmendment, addNoteAmendmentInput, addNoteAmendmentParams } from "@/server/services/notes";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: addNoteAmendmentParams,
  body: addNoteAmendmentInput,
  successStatus: 201,
  handler: async ({ user, params, body }) => addNoteAmendment({ userId: user.id }, { noteId: params.id, ...body }),
});
