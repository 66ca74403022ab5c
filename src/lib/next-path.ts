/** Where signed-in practitioners land when no (safe) destination was asked for. */
export const DEFAULT_SIGNED_IN_PATH = "/";

const BASE = "http://omnicrm.invalid";

/** Pages that make no sense to return to after signing in (they would loop or sign out again). */
const NOT_A_DESTINATION = ["/sign-in", "/sign-up", "/reset-password", "/api"];

/** One leading slash and then anything but another slash or a backslash (a browser reads `//` and `/\` as another host). */
const SINGLE_LEADING_SLASH = /^\/(?![/\\])/;

/**
 * The `next` destination after sign-in, accepted only as a same-site relative path
 * (`/clients?view=all`); anything else (absolute, protocol-relative, backslash tricks) falls back.
 * The path is checked after the URL parser resolves it: dot segments can turn `/.//evil.example`
 * into `//evil.example`, so checking only what was asked for is not enough.
 */
export function safeNextPath(value: string | string[] | null | undefined, fallback = DEFAULT_SIGNED_IN_PATH): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !SINGLE_LEADING_SLASH.test(candidate) || /[\\\p{Cc}]/u.test(candidate)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const excluded = NOT_A_DESTINATION.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`));
  if (excluded) return fallback;
  const destination = `${url.pathname}${url.search}${url.hash}`;
  return SINGLE_LEADING_SLASH.test(destination) ? destination : fallback;
}
