import { defineRoute } from "@/server/http/route";
import { processDueJobs } from "@/server/jobs";

// The proxy admits /api/cron/* only with `Authorization: Bearer <CRON_SECRET>` (fail closed).
const processJobs = defineRoute({ auth: "none", handler: () => processDueJobs() });

export const GET = processJobs;
export const POST = processJobs;
