import { defineRoute } from "@/server/http/route";
import { signNote, signNoteInput, signNoteParams } from "@/server/services/notes";

export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  params: signNoteParams,
  body: signNoteInput,
  handler: async ({ user, params, body }) => signNote({ userId: user.id }, { id: params.id, ...body }),
});
