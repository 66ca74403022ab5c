import { exportContactsQuery } from "@/lib/contracts/contact-csv";
import { exportSelectedContactsInput } from "@/lib/contracts/contacts";
import { defineRoute } from "@/server/http/route";
import { exportCsvContacts, exportSelectedContacts, type CsvExport } from "@/server/services/contact-csv";

function csvDownload({ fileName, stream }: CsvExport, headers: Headers): Response {
  headers.set("content-type", "text/csv; charset=utf-8");
  headers.set("content-disposition", `attachment; filename="${fileName}"`);
  headers.set("cache-control", "no-store");
  return new Response(stream, { status: 200, headers });
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
