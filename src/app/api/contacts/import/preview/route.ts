import { defineRoute } from "@/server/http/route";
import { previewCsvImport } from "@/server/services/contact-csv";

/** multipart/form-data with a `file` part: the file checked, its headers, first rows and suggested mapping. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async ({ user, request }) =>
    previewCsvImport({ userId: user.id }, { contentType: request.headers.get("content-type"), body: request.body }),
});
