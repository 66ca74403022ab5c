import type { BrowserOptions, NodeOptions } from "@sentry/nextjs";
import { SAFE_REQUEST_HEADERS, scrubBreadcrumb, scrubEvent } from "./sentry-scrub";

type SharedOptions = Pick<
  NodeOptions & BrowserOptions,
  "dataCollection" | "beforeSend" | "beforeBreadcrumb" | "sendClientReports"
>;

/**
 * What the SDK may collect on its own, before `beforeSend` scrubs again: no user details beyond
 * the id we set, no cookies, no bodies, no query strings, no local variables, only harmless headers.
 */
export const sentrySharedOptions: SharedOptions = {
  dataCollection: {
    userInfo: false,
    cookies: false,
    httpHeaders: { request: { allow: [...SAFE_REQUEST_HEADERS] }, response: false },
    httpBodies: [],
    urlQueryParams: false,
    graphQL: { document: false, variables: false },
    genAI: { inputs: false, outputs: false },
    databaseQueryData: false,
    queues: false,
    stackFrameVariables: false,
  },
  beforeSend: scrubEvent,
  beforeBreadcrumb: scrubBreadcrumb,
  // Only error events leave the process; client reports would be a second envelope for nothing actionable.
  sendClientReports: false,
};
