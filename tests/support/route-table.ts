/// <reference types="vite/client" />

/**
 * The one way integration tests reach a route: by method and URL, resolved from the files under
 * `src/app` the way Next's router resolves them (static segments before `[param]` before
 * `[...catchAll]`, route groups ignored), then called with a real `Request` and its params.
 * Modules load lazily through Vitest, so a suite that sets its own variables and calls
 * `vi.resetModules()` gets routes built on that configuration.
 */
export type RouteParams = Record<string, string | string[]>;
export type RouteHandler = (request: Request, next?: { params: Promise<RouteParams> }) => Promise<Response>;
type RouteModule = Partial<Record<string, unknown>>;

const MODULES = import.meta.glob<RouteModule>(["/src/app/**/route.ts", "!/src/app/**/*.test.ts"]);

type Segment = { kind: "static"; text: string } | { kind: "param"; name: string } | { kind: "catchAll"; name: string };

interface RouteFile {
  file: string;
  segments: Segment[];
}

/** Lower sorts first: at the first position where two routes differ, a static segment wins. */
const RANK = { static: 0, param: 1, catchAll: 2 } as const;

const ROUTES: RouteFile[] = Object.keys(MODULES)
  .map((file) => ({ file, segments: segmentsOf(file) }))
  .sort((a, b) => compareRoutes(a.segments, b.segments));

function segmentsOf(file: string): Segment[] {
  return file
    .replace(/^\/src\/app\//, "")
    .replace(/\/?route\.ts$/, "")
    .split("/")
    .filter((part) => part !== "" && !/^\(.*\)$/.test(part))
    .map((part): Segment => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (catchAll?.[1]) return { kind: "catchAll", name: catchAll[1] };
      const param = /^\[(\w+)\]$/.exec(part);
      if (param?.[1]) return { kind: "param", name: param[1] };
      return { kind: "static", text: part };
    });
}

function compareRoutes(a: Segment[], b: Segment[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index];
    const right = b[index];
    if (!left || !right) return left ? -1 : 1;
    const byKind = RANK[left.kind] - RANK[right.kind];
    if (byKind !== 0) return byKind;
  }
  return 0;
}

function match(segments: Segment[], parts: string[]): RouteParams | undefined {
  const params: RouteParams = {};
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === "catchAll") {
      if (index >= parts.length) return undefined;
      params[segment.name] = parts.slice(index).map(decodeURIComponent);
      return params;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === "static" && segment.text !== part) return undefined;
    if (segment.kind === "param") params[segment.name] = decodeURIComponent(part);
  }
  return segments.length === parts.length ? params : undefined;
}

/** The route file that serves `pathname`, with its params; undefined when none does (Next's 404). */
export function resolveRoute(pathname: string): { file: string; params: RouteParams } | undefined {
  const parts = pathname.split("/").filter(Boolean);
  for (const route of ROUTES) {
    const params = match(route.segments, parts);
    if (params) return { file: route.file, params };
  }
  return undefined;
}

/**
 * Answers `request` as the app would: the matching route's handler for its method, 405 when the
 * route has no such method. A path no route serves throws, since a test calling it has a typo.
 */
export async function callRoute(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const resolved = resolveRoute(pathname);
  const load = resolved && MODULES[resolved.file];
  if (!resolved || !load) throw new Error(`no route serves ${pathname}`);
  const handler = (await load())[request.method];
  if (typeof handler !== "function") return new Response(null, { status: 405 });
  return (handler as RouteHandler)(request, { params: Promise.resolve(resolved.params) });
}
