import { isHttps, type CookieJar, type CookieOptions } from "./cookie-jar";

/** The parts of Next's `cookies()` store a jar needs. */
export interface NextCookieStore {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
  set(name: string, value: string, options: CookieOptions): unknown;
}

/** A jar over `cookies()`/`headers()` from next/headers, for Server Components and server actions. */
export function serverComponentCookieJar(cookieStore: NextCookieStore, headerStore: Pick<Headers, "get">): CookieJar {
  return {
    // Next forwards the original protocol as x-forwarded-proto; Server Components see no URL.
    secure: isHttps(null, headerStore),
    get: (name) => cookieStore.get(name)?.value,
    getAll: () => cookieStore.getAll().map(({ name, value }) => ({ name, value })),
    set: (name, value, options) => {
      try {
        cookieStore.set(name, value, options);
      } catch {
        // Server Components cannot set cookies; route handlers renew them instead.
      }
    },
  };
}
