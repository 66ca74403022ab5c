/** Which paths are pages, and which pages a signed-out visitor may see. */

/** Exact paths open to signed-out visitors. */
const PUBLIC_PAGES = new Set([
  "/sign-in",
  "/sign-up",
  "/reset-password",
  "/reset-password/confirm",
  "/confirm-email",
  "/auth/callback",
]);
/** Path prefixes open to signed-out visitors (client intake links). */
const PUBLIC_PAGE_PREFIXES = ["/onboard/"];

export const SIGN_IN_PATH = "/sign-in";

export type RequestKind = "api" | "page" | "asset";

const REQUEST_KINDS: { kind: RequestKind; test: (pathname: string) => boolean }[] = [
  { kind: "api", test: (pathname) => pathname === "/api" || pathname.startsWith("/api/") },
  // Framework internals and files (`/robots.txt`, `/logo.svg`) are never pages.
  { kind: "asset", test: (pathname) => /^\/__?next/.test(pathname) || /\.[A-Za-z0-9]+$/.test(pathname) },
];

export function requestKind(pathname: string): RequestKind {
  return REQUEST_KINDS.find(({ test }) => test(pathname))?.kind ?? "page";
}

export function isPublicPage(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return PUBLIC_PAGES.has(path) || PUBLIC_PAGE_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** `/sign-in?next=<path and query>`, so sign-in can send the visitor back where they were going. */
export function signInUrl(url: URL): URL {
  const target = new URL(SIGN_IN_PATH, url);
  target.searchParams.set("next", `${url.pathname}${url.search}`);
  return target;
}
