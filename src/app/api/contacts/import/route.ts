import { defineRoute } from "@/server/http/route";
import { CSV_UPLOAD, csvUploadOf, importCsvContacts } from "@/server/services/contact-csv";

/**
 * multipart/form-data with `file` and `options` (JSON). A bad file or options answer 4xx JSON; else
 * 200 `application/x-ndjson`: progress lines, then the result (committed) or an error (rolled back).
 */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  multipart: CSV_UPLOAD,
  handler: async ({ user, form, responseHeaders }) => {
    const events = await importCsvContacts({ userId: user.id }, csvUploadOf(form));
    responseHeaders.set("content-type", "application/x-ndjson; charset=utf-8");
    responseHeaders.set("cache-control", "no-store");
    return new Response(events, { status: 200, headers: responseHeaders });
  },
});
