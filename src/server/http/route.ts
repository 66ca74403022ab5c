import type { z } from "zod";
import type { SessionUser } from "@/server/auth/session-user";
import { getSessionUser } from "@/server/auth/session";
import { rootLogger, type Logger } from "@/server/observability/logger";
import { recordRequest } from "@/server/observability/metrics";
import { reportError } from "@/server/observability/error-reporting";
import { runWithRequestContext } from "@/server/observability/request-context";
import { apiRequestRefusal, applyApiResponseHeaders } from "@/server/security/api-request";
import { enforceRateLimit } from "@/server/security/rate-limit";
import { defaultRateLimit, type PolicyName } from "@/server/security/rate-limit/policies";
import { AppError, toAppError } from "@/server/errors";
import { clientIp } from "./client-info";
import { errorResponse } from "./error-response";
import { RawJson } from "@/server/db/raw-json";
import { readJsonBody } from "./read-body";
import { readMultipart, type FormOf, type MultipartSpec } from "@/server/uploads/multipart";
import { requestIdFrom, REQUEST_ID_HEADER } from "./request-id";

type AuthMode = "required" | "optional" | "none";
type UserFor<A extends AuthMode> = A extends "required" ? SessionUser : SessionUser | null;
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<A extends AuthMode, B, Q, P, F = undefined> {
  request: Request;
  user: UserFor<A>;
  body: B;
  /** The parts a `multipart` route declared, read and capped before the handler runs. */
  form: F;
  query: Q;
  params: P;
  requestId: string;
  ip: string;
  userAgent: string;
  log: Logger;
  /** Headers added to the success response (e.g. Set-Cookie). */
  responseHeaders: Headers;
}

export interface RateLimitOption {
  policy: PolicyName;
  /** Extra key material beside the caller (e.g. the email on sign-in); gets the raw JSON body. */
  keyFrom?: (rawBody: unknown) => string | undefined;
  /**
   * Meters a resource named in the URL instead of the caller (e.g. one intake link, whoever uses it);
   * gets the raw route params.
   */
  resourceFrom?: (params: Record<string, string | string[]>) => string;
}

/**
 * A route with no limit at all. The reason is required, so every exception is argued where it is
 * made (probes polled by the platform, token-guarded endpoints whose caller is infrastructure).
 */
export interface NoRateLimit {
  none: string;
}

export interface RouteOptions<A extends AuthMode, BS, QS, PS, R, MS = undefined> {
  auth: A;
  /**
   * Several limits all apply (e.g. per IP + email and per IP); the response reports the tightest.
   * Omitted: the default policy for the method and caller (`defaultRateLimit`), never none.
   */
  rateLimit?: RateLimitOption | readonly RateLimitOption[] | NoRateLimit;
  body?: BS;
  /** A multipart/form-data upload instead of a JSON body: the one reader, with a cap per part. */
  multipart?: MS;
  query?: QS;
  params?: PS;
  successStatus?: number;
  handler: (context: RouteContext<A, Out<BS>, Out<QS>, Out<PS>, FormOf<MS>>) => Promise<R>;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The one way a route handler is written: API gates (cron secret, CSRF, body size) → session → rate
 * limit → zod input → handler → JSON (a `RawJson` result is sent as its text), with the request id,
 * HSTS and CORS headers, the access log line, metrics and error capture for every outcome.
 */
export function defineRoute<
  A extends AuthMode,
  BS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  PS extends Schema | undefined = undefined,
  R = unknown,
  MS extends MultipartSpec | undefined = undefined,
>(options: RouteOptions<A, BS, QS, PS, R, MS>): (request: Request, next?: NextRouteContext) => Promise<Response> {
  return async (request, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers);
    const url = new URL(request.url);
    const route = routeLabel(url.pathname);
    const ip = clientIp(request.headers);
    const logger = rootLogger.child({ requestId, route });
    const context = { requestId, route, logger, ip, userAgent: request.headers.get("user-agent") ?? "" };

    return runWithRequestContext(context, async () => {
      let user: SessionUser | null = null;
      let response: Response;
      // Created up front so rate-limit headers reach error answers too (e.g. a 401 from sign-in).
      const responseHeaders = new Headers();
      try {
        const refusal = apiRequestRefusal(request, url);
        if (refusal) throw refusal;
        user = options.auth === "none" ? null : await getSessionUser(request, responseHeaders);
        if (user) Object.assign(context, { userId: user.id, logger: logger.child({ userId: user.id }) });
        if (options.auth === "required" && !user) throw AppError.unauthorized();

        const rawBody = options.body ? await readJsonBody(request) : undefined;
        const rawParams = (await next?.params) ?? {};
        const caller = user ? `user:${user.id}` : `ip:${ip}`;
        for (const limit of rateLimitsOf(options.rateLimit, request.method, user !== null)) {
          const key = limit.resourceFrom
            ? limit.resourceFrom(rawParams)
            : [caller, limit.keyFrom?.(rawBody)].filter(Boolean).join("|");
          const limitHeaders = await enforceRateLimit(limit.policy, key);
          if (tighter(limitHeaders, responseHeaders))
            limitHeaders.forEach((value, name) => responseHeaders.set(name, value));
        }
        const body = options.body ? await options.body.parseAsync(rawBody ?? {}) : undefined;
        const query = options.query ? await options.query.parseAsync(Object.fromEntries(url.searchParams)) : undefined;
        const params = options.params ? await options.params.parseAsync(rawParams) : undefined;
        const form = options.multipart
          ? await readMultipart(
              {
                contentType: request.headers.get("content-type"),
                contentLength: request.headers.get("content-length"),
                body: request.body,
              },
              options.multipart,
            )
          : undefined;

        const result = await options.handler({
          request,
          user: user as UserFor<A>,
          body: body as Out<BS>,
          form: form as FormOf<MS>,
          query: query as Out<QS>,
          params: params as Out<PS>,
          requestId,
          ip,
          userAgent: context.userAgent,
          log: context.logger,
          responseHeaders,
        });
        response = result instanceof Response ? result : json(result, options.successStatus ?? 200, responseHeaders);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.status >= 500) {
          context.logger.error({ err: appError.cause ?? appError }, "request failed");
          reportError(appError.cause ?? appError, { requestId, route, userId: user?.id });
        }
        response = errorResponse(appError, requestId, responseHeaders);
      }
      response.headers.set(REQUEST_ID_HEADER, requestId);
      applyApiResponseHeaders(response.headers, request, url);
      const seconds = (performance.now() - started) / 1000;
      recordRequest(request.method, route, response.status, seconds);
      context.logger.info(
        { method: request.method, status: response.status, durationMs: Math.round(seconds * 1000) },
        "request",
      );
      return response;
    });
  };
}

function rateLimitsOf(
  option: RouteOptions<AuthMode, unknown, unknown, unknown, unknown, unknown>["rateLimit"],
  method: string,
  signedIn: boolean,
): readonly RateLimitOption[] {
  if (!option) return [{ policy: defaultRateLimit(method, signedIn) }];
  if ("none" in option) return [];
  return "policy" in option ? [option] : option;
}

/** Whether `candidate` leaves fewer requests than the limit headers already set (or none are set yet). */
function tighter(candidate: Headers, current: Headers): boolean {
  const remaining = (headers: Headers) => Number(headers.get("X-RateLimit-Remaining") ?? Number.POSITIVE_INFINITY);
  return remaining(candidate) < remaining(current);
}

function json(data: unknown, status: number, headers: Headers): Response {
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  if (status === 204) return new Response(null, { status, headers });
  // Already serialised (e.g. by Postgres): sent as is.
  return new Response(data instanceof RawJson ? data.text : JSON.stringify(data ?? null), { status, headers });
}

/** The route pattern for metrics: ids and tokens replaced so label cardinality stays small. */
function routeLabel(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) =>
      /^[0-9a-f-]{16,}$/i.test(segment) || /^\d+$/.test(segment) || segment.length > 40 ? ":id" : segment,
    )
    .join("/");
}
