import { defineRoute } from "@/server/http/route";
import { CSV_UPLOAD, csvUploadOf, previewCsvImport } from "@/server/services/contact-csv";

/** multipart/form-data with a `file` part: the file checked, its headers, first rows and suggested mapping. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  multipart: CSV_UPLOAD,
  handler: async ({ user, form }) => previewCsvImport({ userId: user.id }, csvUploadOf(form)),
});
