import type { Breadcrumb, ErrorEvent } from "@sentry/nextjs";
import { redactDeep, scrubText } from "./redaction";

/** Identifiers Sentry needs exactly as they are; they never carry PII. */
const KEEP_AS_IS = new Set([
  "event_id",
  "trace_id",
  "span_id",
  "parent_span_id",
  "debug_meta",
  "sdk",
  "release",
  "modules",
]);

/** Keys holding a URL or path wherever they appear (request, breadcrumbs, Next's request context): path only. */
const URL_KEYS = new Set(["url", "path", "request_path", "to", "from", "referer", "referrer"]);

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
  const scrubbed = stripQueries(redactDeep(event, KEEP_AS_IS)) as ErrorEvent;
  if (event.request) scrubbed.request = scrubRequest(event.request);
  if (event.user) scrubbed.user = event.user.id === undefined ? {} : { id: event.user.id };
  if (event.breadcrumbs) scrubbed.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  return scrubbed;
}

/** `beforeBreadcrumb`: the same masking, and URLs lose their query strings (reset tokens, emails). */
export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  return stripQueries(redactDeep(breadcrumb)) as Breadcrumb;
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

function stripQueries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripQueries);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  for (const [key, item] of Object.entries(record)) {
    record[key] = URL_KEYS.has(key) && typeof item === "string" ? scrubUrl(item) : stripQueries(item);
  }
  return record;
}
