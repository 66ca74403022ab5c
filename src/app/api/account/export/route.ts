import { downloadResponse } from "@/server/http/download";
import { defineRoute } from "@/server/http/route";
import { exportAccountData } from "@/server/services/account";

/** Everything the account holds (tables as JSON, clients.csv, stored files, manifest) as one streamed ZIP. */
export const GET = defineRoute({
  auth: "required",
  rateLimit: { policy: "accountExport" },
  handler: async ({ user, responseHeaders }) => {
    const { fileName, stream } = await exportAccountData({ userId: user.id });
    return downloadResponse({ body: stream, contentType: "application/zip", fileName }, responseHeaders);
  },
});
