import { defineRoute } from "@/server/http/route";
import { CSV_UPLOAD, csvUploadOf, dryRunCsvImport } from "@/server/services/contact-csv";

/** multipart/form-data with `file` and `options` (JSON): what the import would do, without writing. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  multipart: CSV_UPLOAD,
  handler: async ({ user, form }) => dryRunCsvImport({ userId: user.id }, csvUploadOf(form)),
});
