import { defineRoute } from "@/server/http/route";
import { listDuplicatePairs, listDuplicatePairsInput } from "@/server/services/contacts";

export const GET = defineRoute({
  auth: "required",
  query: listDuplicatePairsInput,
  handler: async ({ user, query }) => listDuplicatePairs({ userId: user.id }, query),
});
