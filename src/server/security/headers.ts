/** Security headers as data: one table for every response, one CSP table for pages, one CSP for the API. */

/** Set by `next.config.ts` on every path, including the static files the proxy never sees. */
export const EVERY_PATH_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
};

/** Sent on every response the app gives. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": [
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
  ]
    .map((feature) => `${feature}=()`)
    .join(", "),
};

/** Two years, as HSTS preload lists expect; sent only on HTTPS responses, where browsers honour it. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export interface PagePolicyInput {
  nonce: string;
  /** React's dev build uses eval to rebuild server error stacks; never in production. */
  development: boolean;
  https: boolean;
  /** Origins the browser code talks to besides this one (Supabase, Sentry ingest). */
  connectOrigins: readonly string[];
  /** Origins images may come from besides this one (Supabase Storage). */
  imageOrigins: readonly string[];
}

type Directive = (input: PagePolicyInput) => string[] | null;

/** `null` leaves a directive out. */
const PAGE_DIRECTIVES: Record<string, Directive> = {
  "default-src": () => ["'self'"],
  "script-src": ({ nonce, development }) => [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(development ? ["'unsafe-eval'"] : []),
  ],
  // Component libraries render style attributes, which a nonce cannot cover; styles cannot run code.
  "style-src": () => ["'self'", "'unsafe-inline'"],
  "img-src": ({ imageOrigins }) => ["'self'", "data:", "blob:", ...imageOrigins],
  "font-src": () => ["'self'", "data:"],
  "connect-src": ({ connectOrigins, development }) => ["'self'", ...connectOrigins, ...(development ? ["ws:"] : [])],
  "object-src": () => ["'none'"],
  "base-uri": () => ["'self'"],
  "form-action": () => ["'self'"],
  "frame-ancestors": () => ["'none'"],
  "upgrade-insecure-requests": ({ https }) => (https ? [] : null),
};

export function pageContentSecurityPolicy(input: PagePolicyInput): string {
  return Object.entries(PAGE_DIRECTIVES)
    .map(([name, sources]) => {
      const values = sources(input);
      return values === null ? null : [name, ...values].join(" ");
    })
    .filter((directive): directive is string => directive !== null)
    .join("; ");
}

/** JSON responses load nothing and are framed by no one. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The static headers of every API response, set by `next.config.ts` (API requests skip the proxy):
 * the common set and the API's CSP. HSTS and CORS depend on the request and come from `defineRoute`.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_SECURITY_HEADERS,
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
};

/** 128 random bits, base64: unguessable, fresh for every page response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function applySecurityHeaders(headers: Headers, options: { contentSecurityPolicy: string; https: boolean }) {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) headers.set(name, value);
  headers.set("Content-Security-Policy", options.contentSecurityPolicy);
  if (options.https) headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
}
