import { exportContactsQuery } from "@/lib/contracts/contact-csv";
import { defineRoute } from "@/server/http/route";
import { exportCsvContacts } from "@/server/services/contact-csv";

/** Every field of the caller's clients (the list's filters, search and sort apply) as a streamed CSV download. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: exportContactsQuery,
  handler: async ({ user, query, responseHeaders }) => {
    const { fileName, stream } = await exportCsvContacts({ userId: user.id }, query);
    responseHeaders.set("content-type", "text/csv; charset=utf-8");
    responseHeaders.set("content-disposition", `attachment; filename="${fileName}"`);
    responseHeaders.set("cache-control", "no-store");
    return new Response(stream, { status: 200, headers: responseHeaders });
  },
});
