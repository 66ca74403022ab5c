// `npm run dev [-- next dev options]`: `next dev` with every argument passed on (e.g. `-p 3400`;
// PORT works too) and its JSON log lines pretty-printed. A shell pipe (`next dev | pino-pretty`)
// would hand the arguments to pino-pretty instead.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const next = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...process.argv.slice(2)], {
  stdio: ["inherit", "pipe", "inherit"],
});
const pretty = spawn(process.execPath, [require.resolve("pino-pretty/bin.js")], {
  stdio: ["pipe", "inherit", "inherit"],
});
next.stdout.pipe(pretty.stdin);

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code, signal) => {
  pretty.stdin.end();
  pretty.on("exit", () => process.exit(code ?? (signal ? 1 : 0)));
});
