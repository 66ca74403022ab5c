import { defineRoute } from "@/server/http/route";
import { listClientConsents, listClientConsentsParams } from "@/server/services/consents";

/** The client's consent history, newest first. */
export const GET = defineRoute({
  auth: "required",
  params: listClientConsentsParams,
  handler: async ({ user, params }) => ({ consents: await listClientConsents({ userId: user.id }, params.id) }),
});
