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

/** A jar over a route request; cookies it sets become `Set-Cookie` headers on `responseHeaders`. */
export function requestCookieJar(request: Request, responseHeaders?: Headers): CookieJar {
  const incoming = parseCookie(request.headers.get("cookie") ?? "");
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(incoming)) if (value !== undefined) values.set(name, value);
  return {
    secure: isHttps(request.url, request.headers),
    get: (name) => values.get(name),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    set: (name, value, options) => {
      // Later reads in the same request see the new value, as a browser would on the next request.
      if (options.maxAge === 0) values.delete(name);
      else values.set(name, value);
      responseHeaders?.append("set-cookie", stringifySetCookie(name, value, options));
    },
  };
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
