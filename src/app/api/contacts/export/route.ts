import { exportContactsQuery } from "@/lib/contracts/contact-csv";
import { exportSelectedContactsInput } from "@/lib/contracts/contacts";
import { downloadResponse } from "@/server/http/download";
import { defineRoute } from "@/server/http/route";
import { exportCsvContacts, exportSelectedContacts, type CsvExport } from "@/server/services/contact-csv";

function csvDownload({ fileName, stream }: CsvExport, headers: Headers): Response {
  return downloadResponse({ body: stream, contentType: "text/csv; charset=utf-8", fileName }, headers);
}

/** Every field of the caller's clients (the list's filters, search and sort apply) as a streamed CSV download. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  query: exportContactsQuery,
  handler: async ({ user, query, responseHeaders }) =>
    csvDownload(await exportCsvContacts({ userId: user.id }, query), responseHeaders),
});

/** The ticked clients (`{ ids }`, at most 500, all the caller's or a 404) as the same CSV. */
export const POST = defineRoute({
  auth: "required",
  rateLimit: { policy: "api" },
  body: exportSelectedContactsInput,
  handler: async ({ user, body, responseHeaders }) =>
    csvDownload(await exportSelectedContacts({ userId: user.id }, body), responseHeaders),
});
