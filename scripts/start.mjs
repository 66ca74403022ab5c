// `npm start`: the one supported way to run a production build outside Docker. The build is
// `output: "standalone"`, which `next start` does not serve (it warns): this puts the static files
// and public/ beside the standalone server.js, as Dockerfile.prod does, then runs it in this
// process (so SIGTERM reaches the app's graceful shutdown). PORT and HOSTNAME choose where it listens.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
// Next's own .env loader (a dependency of next), so `npm start` reads the files `next start` read.
import nextEnv from "@next/env";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const standalone = path.join(root, distDir, "standalone");
const server = path.join(standalone, "server.js");

if (!existsSync(server)) {
  process.stderr.write(`No production build in ${distDir}/standalone: run \`npm run build\` first.\n`);
  process.exit(1);
}

const besideServer = [
  [path.join(root, distDir, "static"), path.join(standalone, distDir, "static")],
  [path.join(root, "public"), path.join(standalone, "public")],
];
for (const [from, to] of besideServer) {
  if (!existsSync(from)) continue;
  // A fresh copy, so files of an earlier build never linger beside this one.
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

process.env.NODE_ENV = "production";
// server.js changes into the standalone folder, so the project's .env files and a relative
// DATA_DIR are settled here first: data must never land inside a build directory a rebuild deletes.
nextEnv.loadEnvConfig(root, false);
process.env.DATA_DIR = path.resolve(root, process.env.DATA_DIR || ".data");
await import(pathToFileURL(server).href);
