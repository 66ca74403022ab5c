import { randomUUID } from "node:crypto";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
export const REQUEST_ID_HEADER = "x-request-id";

/** Keeps a well-formed incoming id (set by `src/proxy.ts` or an upstream proxy), else makes one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}
