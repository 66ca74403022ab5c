import type { Breadcrumb, ErrorEvent } from "@sentry/nextjs";
import { redactDeep, scrubText } from "./redaction";

/** Identifiers Sentry needs exactly as they are; they never carry PII. */
const KEEP_AS_IS = new Set(["event_id", "trace_id", "span_id", "parent_span_id", "debug_meta", "sdk", "release"]);

/** Request headers worth keeping on an error report; everything else (cookies, authorization, …) is dropped. */
export const SAFE_REQUEST_HEADERS = new Set([
  "accept",
  "content-type",
  "content-length",
  "host",
  "origin",
  "referer",
  "user-agent",
  "x-request-id",
  "sec-fetch-site",
  "sec-fetch-mode",
]);

type RequestData = NonNullable<ErrorEvent["request"]>;

/**
 * `beforeSend`: keeps what identifies the failure (exception, stack, route, request id, user id)
 * and drops or masks everything that could identify a client: emails, phone numbers, cookies,
 * auth headers, request bodies, query strings, user details other than the id.
 */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  const scrubbed = redactDeep(event, KEEP_AS_IS) as ErrorEvent;
  if (event.request) scrubbed.request = scrubRequest(event.request);
  if (event.user) scrubbed.user = event.user.id === undefined ? {} : { id: event.user.id };
  if (event.breadcrumbs) scrubbed.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  return scrubbed;
}

/** `beforeBreadcrumb`: the same masking, and URLs lose their query strings (reset tokens, emails). */
export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  const scrubbed = redactDeep(breadcrumb) as Breadcrumb;
  if (scrubbed.data) {
    for (const key of ["url", "to", "from"]) {
      const value: unknown = scrubbed.data[key];
      if (typeof value === "string") scrubbed.data[key] = scrubUrl(value);
    }
  }
  return scrubbed;
}

function scrubRequest(request: RequestData): RequestData {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const lower = name.toLowerCase();
    if (SAFE_REQUEST_HEADERS.has(lower)) headers[name] = lower === "referer" ? scrubUrl(value) : scrubText(value);
  }
  return {
    ...(request.method === undefined ? {} : { method: request.method }),
    ...(request.url === undefined ? {} : { url: scrubUrl(request.url) }),
    headers,
  };
}

/** Path only: query strings and fragments carry tokens and search terms. */
export function scrubUrl(url: string): string {
  const cut = url.search(/[?#]/);
  return scrubText(cut === -1 ? url : url.slice(0, cut));
}
