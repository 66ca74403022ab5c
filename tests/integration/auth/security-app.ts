import type { TestBrowser } from "./test-browser";

type Handler = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "DELETE", Handler>>;

export type SecurityCall = (
  browser: TestBrowser,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
) => Promise<Response>;

/**
 * The Settings → Security routes by URL, loaded into the module graph `loadAuthRoutes` just made (call
 * it first), and a caller that sends a browser's cookies to them the way Next's router would.
 */
export async function loadSecurityRoutes(): Promise<SecurityCall> {
  const [password, sessions, session, revokeOthers, emailChange, confirmEmail] = await Promise.all([
    import("@/app/api/auth/password/route"),
    import("@/app/api/auth/sessions/route"),
    import("@/app/api/auth/sessions/[id]/route"),
    import("@/app/api/auth/sessions/revoke-others/route"),
    import("@/app/api/auth/email-change/route"),
    import("@/app/api/auth/email-change/confirm/route"),
  ]);
  const routes: { pattern: RegExp; module: RouteModule }[] = [
    { pattern: /^\/api\/auth\/password$/, module: password },
    { pattern: /^\/api\/auth\/sessions$/, module: sessions },
    { pattern: /^\/api\/auth\/sessions\/revoke-others$/, module: revokeOthers },
    { pattern: /^\/api\/auth\/sessions\/(?<id>[^/]+)$/, module: session },
    { pattern: /^\/api\/auth\/email-change$/, module: emailChange },
    { pattern: /^\/api\/auth\/email-change\/confirm$/, module: confirmEmail },
  ];
  return async (browser, method, path, body) => {
    const pathname = new URL(path, "http://localhost").pathname;
    const entry = routes.find((route) => route.pattern.test(pathname));
    const handler = entry?.module[method];
    if (!entry || !handler) throw new Error(`no route handles ${method} ${pathname}`);
    const params = Object.fromEntries(
      Object.entries(entry.pattern.exec(pathname)?.groups ?? {}).map(([name, value]) => [
        name,
        decodeURIComponent(value),
      ]),
    );
    const response = await handler(browser.request(method, path, body === undefined ? {} : { body }), {
      params: Promise.resolve(params),
    });
    browser.remember(response);
    return response;
  };
}
