import type { TestBrowser } from "../../support/test-browser";

export type SecurityCall = (
  browser: TestBrowser,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
) => Promise<Response>;

/**
 * A caller for the Settings → Security routes with a browser's cookies, through the one route table
 * (call `loadAuthRoutes` first, so the routes load on that configuration).
 */
export async function loadSecurityRoutes(): Promise<SecurityCall> {
  return (browser, method, path, body) => browser.call(method, path, body === undefined ? {} : { body });
}
