import { env } from "@/server/config/env";
import { defineRoute } from "@/server/http/route";
import { processDueJobs } from "@/server/jobs";
import { cronRefusal } from "@/server/security/cron-secret";

// The proxy already gates /api/cron/*; the handler checks again so a matcher change cannot open it.
const processJobs = defineRoute({
  auth: "none",
  rateLimit: { none: "called by the scheduler with CRON_SECRET; anonymous callers get 401 before any work" },
  handler: async ({ request }) => {
    const refusal = cronRefusal(request.headers.get("authorization"), env.CRON_SECRET);
    if (refusal) throw refusal;
    // Claims for 15 s, then 8 s for the last jobs to finish: inside the function's 30 s (vercel.json).
    return processDueJobs({ budgetMs: 15_000, finishMs: 8_000 });
  },
});

export const GET = processJobs;
export const POST = processJobs;
