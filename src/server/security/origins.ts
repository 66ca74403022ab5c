/** Which origins the app trusts, and whether a request came over HTTPS. Header reads only: no I/O. */

/** `https://app.example.com` from any URL; `null` for an unparsable or opaque (`"null"`) origin. */
export function originOf(value: string | null | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    const { origin } = new URL(value);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The allowlist: every origin in `APP_ORIGINS`, plus the app's own public URL. */
export function trustedOrigins(appOrigins: readonly string[] | undefined, appUrl: string | undefined): Set<string> {
  return new Set([...(appOrigins ?? []), appUrl].map(originOf).filter((origin): origin is string => origin !== null));
}

function firstValue(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.split(",")[0]?.trim() || undefined;
}

export function servedOverHttps(url: URL, headers: Headers): boolean {
  return url.protocol === "https:" || firstValue(headers, "x-forwarded-proto") === "https";
}

/**
 * The origins this request was addressed to: its URL, and the host a reverse proxy forwarded.
 * Browsers cannot forge Host or (without a CORS preflight) X-Forwarded-*, so a match means same-origin.
 */
export function selfOrigins(url: URL, headers: Headers): Set<string> {
  const origins = new Set([url.origin]);
  const host = firstValue(headers, "x-forwarded-host") ?? firstValue(headers, "host");
  if (host) {
    const scheme = servedOverHttps(url, headers) ? "https" : url.protocol.replace(":", "");
    const origin = originOf(`${scheme}://${host}`);
    if (origin) origins.add(origin);
  }
  return origins;
}
