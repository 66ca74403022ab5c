/**
 * Layer rules of the architecture (docs/architecture.md): data flows down, never up, and each
 * external service is reached only through the module that owns it. `npm run check:arch` runs this.
 */
const fs = require("node:fs");
const path = require("node:path");

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const npm = (...names) => `(^|/)node_modules/(${names.map(escape).join("|")})/`;

/** Files whose first statement is the "use client" directive: they ship to the browser. */
function clientComponentFiles(directory) {
  const directive = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*["']use client["']/;
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|jsx)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => directive.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(__dirname, file).split(path.sep).join("/"));
}

const clientComponents = clientComponentFiles(path.join(__dirname, "src"));
const browserCode = ["^src/lib/", "^src/components/", "^src/hooks/", ...clientComponents.map((f) => `^${escape(f)}$`)];

/** Each vendor SDK belongs to one module; everything else goes through that module's interface. */
const owners = [
  {
    name: "sentry",
    modules: npm("@sentry"),
    owner: [
      "^src/server/observability/",
      "^src/instrumentation(-client)?\\.ts$",
      "^src/app/global-error\\.tsx$",
      "^next\\.config\\.ts$",
    ],
  },
  { name: "upstash", modules: npm("@upstash"), owner: ["^src/server/security/rate-limit/"] },
  {
    name: "supabase",
    modules: npm("@supabase"),
    owner: ["^src/server/supabase/", "^src/server/auth/", "^src/server/storage/"],
  },
  { name: "pino", modules: "(^|/)node_modules/pino[^/]*/", owner: ["^src/server/observability/"] },
  {
    name: "google",
    modules: npm("@googleapis/gmail", "google-auth-library", "googleapis-common", "gaxios"),
    owner: ["^src/server/google/"],
  },
  { name: "ai", modules: npm("ai", "@ai-sdk"), owner: ["^src/server/ai/"] },
  { name: "database-drivers", modules: npm("postgres", "@electric-sql/pglite"), owner: ["^src/server/db/"] },
];

module.exports = {
  forbidden: [
    {
      name: "route-no-database",
      comment: "Route files call one service; queries live in services (src/server/services) behind withUserDb.",
      severity: "error",
      from: { path: "^src/app/api/.+/route\\.tsx?$" },
      to: { path: ["^src/server/db/", npm("drizzle-orm")] },
    },
    {
      name: "service-no-http",
      comment: "Services are plain functions of a context; Request/Response and Next's request APIs stay in routes.",
      severity: "error",
      from: { path: "^src/server/services/" },
      to: { path: ["^src/app/", "(^|/)node_modules/next/(server|headers)(\\.js|\\.d\\.ts|/|$)"] },
    },
    {
      name: "below-http-no-http",
      comment:
        "The route wrapper (src/server/http) sits above services and the cross-cutting modules: they never import it. Errors live in src/server/errors.ts, below everything.",
      severity: "error",
      from: {
        path: "^src/server/(services|db|auth|security|jobs|storage|mail|crypto|observability|config|pagination|uploads)/",
      },
      to: { path: "^src/server/http/" },
    },
    {
      name: "browser-code-no-server",
      comment: "Code that runs in the browser (src/lib, src/components, client components) never imports src/server.",
      severity: "error",
      from: { path: browserCode },
      to: { path: "^src/server/" },
    },
    {
      name: "proxy-no-database",
      comment: "The proxy runs on every request and does no database work.",
      severity: "error",
      from: { path: "^src/proxy\\.ts$" },
      to: { path: ["^src/server/db/", npm("drizzle-orm", "postgres", "@electric-sql/pglite")] },
    },
    {
      name: "nothing-imports-app",
      comment: "src/app is the top layer: nothing outside it depends on it.",
      severity: "error",
      from: { pathNot: "^src/app/" },
      to: { path: "^src/app/" },
    },
    {
      name: "no-circular",
      comment: "A cycle makes load order matter and layers meaningless.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    ...owners.map(({ name, modules, owner }) => ({
      name: `only-owner-imports-${name}`,
      comment: `This SDK is used only inside its owning module (${owner.join(", ")}).`,
      severity: "error",
      from: { pathNot: owner },
      to: { path: modules },
    })),
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing fails at run time.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-dev-dependency",
      comment: "Shipped code cannot rely on devDependencies (they are absent from production installs).",
      severity: "error",
      from: { path: "^src/", pathNot: "\\.(test|spec)\\.tsx?$" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"], pathNot: "node_modules/@types/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".d.ts", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
