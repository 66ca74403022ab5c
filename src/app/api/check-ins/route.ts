import { defineRoute } from "@/server/http/route";
import { checkInRangeQuery, listCheckIns } from "@/server/services/check-ins";

export const GET = defineRoute({
  auth: "required",
  query: checkInRangeQuery,
  handler: async ({ user, query }) => listCheckIns({ userId: user.id }, query),
});
