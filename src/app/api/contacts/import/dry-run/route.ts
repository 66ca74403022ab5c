import { defineRoute } from "@/server/http/route";
import { dryRunCsvImport } from "@/server/services/contact-csv";

/** multipart/form-data with `file` and `options` (JSON): what the import would do, without writing. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  handler: async ({ user, request }) =>
    dryRunCsvImport({ userId: user.id }, { contentType: request.headers.get("content-type"), body: request.body }),
});
