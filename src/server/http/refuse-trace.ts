import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { ErrorBody } from "@/lib/contracts/errors";
import {
  API_CONTENT_SECURITY_POLICY,
  COMMON_SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from "@/server/security/headers";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/**
 * Methods Node's HTTP server parses but the fetch `Request` Next builds refuses (it throws, and
 * Next answers 500 before the proxy runs, with none of our headers). TRACK and CONNECT never reach
 * a request listener: Node's parser rejects the first and hands the second to `connect`.
 */
const REFUSED_METHODS = new Set(["TRACE"]);
export const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;
const WRAPPED = Symbol.for("omnicrm.refuseTrace");

/** Answers 405 with `Allow`, the common security headers and the one error body. */
export function refuseMethod(request: IncomingMessage, response: ServerResponse): void {
  const requestId = requestIdFrom(
    new Headers({ [REQUEST_ID_HEADER]: String(request.headers[REQUEST_ID_HEADER] ?? "") }),
  );
  const body: ErrorBody = {
    error: { code: "method_not_allowed", message: `${request.method} is not supported`, requestId },
  };
  const https =
    (request.socket as { encrypted?: boolean }).encrypted === true || request.headers["x-forwarded-proto"] === "https";
  response.writeHead(405, {
    ...COMMON_SECURITY_HEADERS,
    ...(https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    Allow: ALLOWED_METHODS,
    "Cache-Control": "no-store",
    "Content-Type": "application/json; charset=utf-8",
    [REQUEST_ID_HEADER]: requestId,
  });
  response.end(JSON.stringify(body));
}

/**
 * Puts the refusal in front of every `request` listener of the server (Next's included): called
 * from the `http.server.request.start` hook, which runs before the server emits `request`, so it
 * covers the very request that revealed the server.
 */
export function refuseTraceOn(server: Server): void {
  for (const listener of server.listeners("request") as (RequestListener & { [WRAPPED]?: true })[]) {
    if (listener[WRAPPED]) continue;
    const guarded: RequestListener & { [WRAPPED]?: true } = (request, response) =>
      REFUSED_METHODS.has(request.method ?? "")
        ? refuseMethod(request, response)
        : listener.call(server, request, response);
    guarded[WRAPPED] = true;
    server.removeListener("request", listener);
    server.on("request", guarded);
  }
}
