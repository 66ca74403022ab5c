import { contactIdParams } from "@/lib/contracts/contacts";
import { timelineQuery } from "@/lib/contracts/timeline";
import { defineRoute } from "@/server/http/route";
import { listTimeline } from "@/server/services/timeline";

export const GET = defineRoute({
  auth: "required",
  params: contactIdParams,
  query: timelineQuery,
  handler: async ({ user, params, query }) => listTimeline({ userId: user.id }, { contactId: params.id, ...query }),
});
