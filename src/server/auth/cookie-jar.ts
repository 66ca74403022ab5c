import { parseCookie, stringifySetCookie, type SerializeOptions } from "cookie";

export type CookieOptions = SerializeOptions;

/** The cookies of one request and where new ones go; what every auth adapter works against. */
export interface CookieJar {
  /** Whether the request reached the app over HTTPS (decides `Secure` and the `__Host-` name). */
  readonly secure: boolean;
  get(name: string): string | undefined;
  getAll(): { name: string; value: string }[];
  set(name: string, value: string, options: CookieOptions): void;
}

/** HTTPS as seen by the app: the platform proxy's `x-forwarded-proto`, else the request URL (when known). */
export function isHttps(url: string | null, headers: Pick<Headers, "get">): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded ? forwarded === "https" : (url?.startsWith("https:") ?? false);
}

interface RequestJar extends CookieJar {
  sendTo(responseHeaders: Headers): void;
}

function createRequestJar(request: Request): RequestJar {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(parseCookie(request.headers.get("cookie") ?? ""))) {
    if (value !== undefined) values.set(name, value);
  }
  const pending: string[] = [];
  let sink: Headers | undefined;
  return {
    secure: isHttps(request.url, request.headers),
    get: (name) => values.get(name),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    set: (name, value, options) => {
      // Later reads in the same request see the new value, as a browser would on the next request.
      if (options.maxAge === 0) values.delete(name);
      else values.set(name, value);
      const line = stringifySetCookie(name, value, options);
      if (sink) sink.append("set-cookie", line);
      else pending.push(line);
    },
    sendTo: (responseHeaders) => {
      sink = responseHeaders;
      for (const line of pending.splice(0)) sink.append("set-cookie", line);
    },
  };
}

// One jar per request: a token refreshed while resolving the session is the one the handler sees.
const jars = new WeakMap<Request, RequestJar>();

/** The jar of a route request; what it sets becomes `Set-Cookie` on `responseHeaders` once they are given. */
export function requestCookieJar(request: Request, responseHeaders?: Headers): CookieJar {
  let jar = jars.get(request);
  if (!jar) {
    jar = createRequestJar(request);
    jars.set(request, jar);
  }
  if (responseHeaders) jar.sendTo(responseHeaders);
  return jar;
}

/** A jar that keeps what it is given in memory: for provider calls whose cookies must not reach the browser. */
export function memoryCookieJar(secure: boolean): CookieJar {
  const values = new Map<string, string>();
  return {
    secure,
    get: (name) => values.get(name),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    set: (name, value, options) => {
      if (options.maxAge === 0) values.delete(name);
      else values.set(name, value);
    },
  };
}
