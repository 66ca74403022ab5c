import type { z } from "zod";
import { errorBodySchema, type ErrorCode } from "@/lib/contracts/errors";

/** `network` means the request never got an answer (offline, server down). */
export type ApiErrorCode = ErrorCode | "network";

/** What the browser shows when the answer carries no usable message (e.g. a proxy or HTML error page). */
const FALLBACK_MESSAGES: Record<number, string> = {
  0: "We couldn't reach OmniCRM. Check your connection and try again.",
  401: "Your session has ended. Sign in again to continue.",
  403: "This request was refused. Reload the page and try again.",
  404: "We couldn't find what you asked for.",
  413: "That is more than we can accept in one go.",
  503: "OmniCRM is unavailable for a moment. Try again shortly.",
};
const GENERIC_MESSAGE = "Something went wrong. Try again, and contact support if it keeps happening.";

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
  503: "unavailable",
};

/** An API failure, already phrased for the practitioner. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly requestId: string | undefined;
  /** First message per field path (`email`, `password`…), from the API's validation details. */
  readonly fieldErrors: Record<string, string>;
  /** The error's `details` as the API sent them, for a caller that knows their shape (e.g. which client a 409 matched). */
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    requestId?: string | undefined;
    fieldErrors?: Record<string, string>;
    details?: unknown;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? {};
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequestOptions<S extends z.ZodType | undefined> {
  method?: Method;
  /** Sent as JSON, or as multipart/form-data when it is a `FormData` (uploads). */
  body?: unknown;
  /** Validates the success body; without it the body is returned as `unknown`. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : unknown;

/** Calls the app's JSON API from the browser; resolves with the body or rejects with an `ApiError`. */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiRequestOptions<S> = {},
): Promise<Result<S>> {
  const response = await send(path, options, "application/json");
  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response, payload);
  return (options.schema ? options.schema.parse(payload) : payload) as Result<S>;
}

/** A file the API answers with (e.g. a CSV export), named as its `Content-Disposition` says. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** Calls an API route that answers with a file; rejects with an `ApiError` exactly like `apiRequest`. */
export async function apiDownload(
  path: string,
  options: Omit<ApiRequestOptions<undefined>, "schema"> & { fallbackName: string },
): Promise<DownloadedFile> {
  const response = await apiResponse(path, { ...options, accept: "*/*" });
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response.headers.get("content-disposition") ?? "") ?? options.fallbackName,
  };
}

/** The UTF-8 name (`filename*`, RFC 6266) when sent, else the plain `filename`. */
function fileNameOf(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]+)"/.exec(disposition)?.[1];
}

/**
 * Calls an API route whose success body the caller reads itself (a stream of progress lines); a failure
 * rejects with an `ApiError` exactly like `apiRequest`, so only a successful `Response` is returned.
 */
export async function apiResponse(
  path: string,
  options: Omit<ApiRequestOptions<undefined>, "schema"> & { accept?: string } = {},
): Promise<Response> {
  const response = await send(path, options, options.accept ?? "application/json");
  if (!response.ok) throw toApiError(response, await readJson(response));
  return response;
}

/** The error a stream that broke off mid-answer rejects with (e.g. the connection dropped). */
export function networkError(message: string = FALLBACK_MESSAGES[0] ?? GENERIC_MESSAGE): ApiError {
  return new ApiError({ status: 0, code: "network", message });
}

export interface ApiUploadOptions<S extends z.ZodType | undefined> {
  method?: "POST" | "PUT";
  body: FormData;
  schema?: S;
  /** Called with 0–1 as the body goes up. */
  onProgress?: (fraction: number) => void;
}

/**
 * Uploads multipart/form-data and reports how much has gone up, which fetch cannot (hence
 * XMLHttpRequest); answers and failures are read exactly like `apiRequest`'s.
 */
export function apiUpload<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiUploadOptions<S>,
): Promise<Result<S>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(options.method ?? "POST", path);
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(networkError());
    request.onload = () => {
      const payload = parseJson(request.responseText);
      const headers = new Headers();
      for (const name of ["retry-after", "x-request-id"]) {
        const value = request.getResponseHeader(name);
        if (value !== null) headers.set(name, value);
      }
      if (request.status < 200 || request.status >= 300) {
        return reject(toApiError({ status: request.status, headers }, payload));
      }
      try {
        resolve((options.schema ? options.schema.parse(payload) : payload) as Result<S>);
      } catch {
        reject(new ApiError({ status: request.status, code: "internal", message: GENERIC_MESSAGE }));
      }
    };
    request.send(options.body);
  });
}

async function send(
  path: string,
  options: Omit<ApiRequestOptions<z.ZodType | undefined>, "schema">,
  accept: string,
): Promise<Response> {
  const hasBody = options.body !== undefined;
  // A FormData body carries its own multipart content type (with the boundary): the browser sets it.
  const multipart = options.body instanceof FormData;
  try {
    return await fetch(path, {
      method: options.method ?? (hasBody ? "POST" : "GET"),
      headers: { accept, ...(hasBody && !multipart ? { "content-type": "application/json" } : {}) },
      body: multipart ? (options.body as FormData) : hasBody ? JSON.stringify(options.body) : null,
      credentials: "same-origin",
      cache: "no-store",
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw networkError();
  }
}

async function readJson(response: Response): Promise<unknown> {
  return parseJson(await response.text().catch(() => ""));
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(response: Pick<Response, "status" | "headers">, payload: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(payload);
  const body = parsed.success ? parsed.data.error : undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  const status = response.status;
  const message =
    status === 429
      ? `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`
      : (body?.message ?? FALLBACK_MESSAGES[status] ?? GENERIC_MESSAGE);
  return new ApiError({
    status,
    code: body?.code ?? CODE_FOR_STATUS[status] ?? "internal",
    message,
    requestId: body?.requestId ?? response.headers.get("x-request-id") ?? undefined,
    fieldErrors: fieldErrorsFrom(body?.details),
    details: body?.details,
    retryAfterSeconds,
  });
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** "15 minutes", "1 minute", "a few minutes" when the server gave no delay. */
export function formatWait(seconds: number | undefined): string {
  if (seconds === undefined) return "a few minutes";
  if (seconds < 60) return seconds <= 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** The route wrapper sends validation failures as `details: [{ path, message }]`. */
function fieldErrorsFrom(details: unknown): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  if (!Array.isArray(details)) return fieldErrors;
  for (const detail of details as unknown[]) {
    if (typeof detail !== "object" || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    if (typeof path === "string" && path && typeof message === "string" && !(path in fieldErrors)) {
      fieldErrors[path] = message;
    }
  }
  return fieldErrors;
}
