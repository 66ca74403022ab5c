import { defineRoute } from "@/server/http/route";
import { listOwnSlots, slotsQuery } from "@/server/services/availability";

export const GET = defineRoute({
  auth: "required",
  query: slotsQuery,
  handler: async ({ user, query }) => listOwnSlots({ userId: user.id }, query, new Date()),
});
