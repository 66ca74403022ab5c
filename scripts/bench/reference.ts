import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/.bin/next");

/**
 * The files of a bare Next app with one route handler: what any Next 16 app on this machine pays
 * per request, with none of this app's proxy, wrapper, logging or metrics. Dynamic, as the app's
 * `/api/ping` is (a static handler would be prerendered and served as a file).
 */
export const REFERENCE_FILES: Readonly<Record<string, string>> = {
  "package.json": JSON.stringify({ name: "bench-reference", private: true, type: "module" }, null, 2),
  "next.config.mjs": `export default { output: "standalone", poweredByHeader: false, distDir: ".next" };\n`,
  "app/layout.js": `export default function Layout({ children }) { return children; }\n`,
  "app/api/ping/route.js": `export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ ok: true });
}
`,
};

export interface ReferenceApp {
  /** The standalone server of the bare app; start it with `node`. */
  serverScript: string;
  remove: () => void;
}

/**
 * Builds the bare app the way the app is built (`next build`, Turbopack, `output: "standalone"`,
 * production) in a temporary folder inside the project, so it resolves the project's own `next`,
 * `react` and `react-dom` from node_modules: the same versions, nothing installed.
 */
export async function buildReference(): Promise<ReferenceApp> {
  const dir = fs.mkdtempSync(path.join(root, ".next-bench-reference-"));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(REFERENCE_FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const child = spawn(nextBin, ["build"], {
      cwd: dir,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", NEXT_DIST_DIR: "" },
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (exitCode) => resolve(exitCode));
    });
    if (code !== 0) throw new Error(`next build of the reference app exited with ${code}`);
    const serverScript = findServer(path.join(dir, ".next/standalone"));
    if (!serverScript) throw new Error("the reference build has no standalone server.js");
    return { serverScript, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The standalone server sits under the path of the folder relative to the tracing root. */
function findServer(standalone: string): string | undefined {
  if (!fs.existsSync(standalone)) return undefined;
  const entries = fs.readdirSync(standalone, { recursive: true, encoding: "utf8" });
  const servers = entries
    .filter((entry) => path.basename(entry) === "server.js" && !entry.split(path.sep).includes("node_modules"))
    .sort((a, b) => a.length - b.length);
  return servers[0] ? path.join(standalone, servers[0]) : undefined;
}
