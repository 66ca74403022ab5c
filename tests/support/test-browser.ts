import { parseSetCookie } from "cookie";
import { callerAddressHeaders } from "./caller-address";
import { callRoute } from "./route-table";

export type RouteHandler = (request: Request) => Promise<Response>;

let callerCount = 0;

/** A distinct client address per request, so the sign-in and reset limits never meter the suite itself. */
export function nextCallerIp(): string {
  callerCount += 1;
  return `10.${(callerCount >> 16) & 255}.${(callerCount >> 8) & 255}.${callerCount & 255}`;
}

export interface SendOptions {
  /** Raw text bodies are sent as they are (for malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Keeps cookies between calls the way a browser does, and calls route handlers with real Requests. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly origin = "http://localhost:3000",
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  request(method: string, path: string, options: SendOptions = {}): Request {
    const headers = new Headers({
      "user-agent": "vitest",
      ...callerAddressHeaders(nextCallerIp()),
      ...this.extraHeaders,
    });
    for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set("content-type", "application/json");
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    return new Request(`${this.origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  }

  async send(handler: RouteHandler, method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const response = await handler(this.request(method, path, options));
    this.remember(response);
    return response;
  }

  /** Calls whichever route serves `method path` (tests/support/route-table.ts), keeping cookies. */
  async call(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    return this.send(callRoute, method, path, options);
  }

  remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || !cookie.value) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
}

/** Every Set-Cookie of a response, parsed, by name. */
export function setCookies(response: Response): Map<string, ReturnType<typeof parseSetCookie>> {
  return new Map(response.headers.getSetCookie().map((line) => [parseSetCookie(line).name, parseSetCookie(line)]));
}
