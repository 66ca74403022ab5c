import { spawnSync } from "node:child_process";

/** The programs `*.tools.test.ts` run, each with the Debian package that provides it (the `system-tools` gate installs them). */
export const SYSTEM_TOOLS = [
  { command: "shellcheck", debianPackage: "shellcheck" },
  { command: "yamllint", debianPackage: "yamllint" },
] as const;

export function missingSystemTools(): (typeof SYSTEM_TOOLS)[number][] {
  return SYSTEM_TOOLS.filter(({ command }) => spawnSync(command, ["--version"], { stdio: "ignore" }).error);
}

/** Global setup of `npm run test:tools`: a missing tool fails the whole suite up front, never skips it. */
export default function requireSystemTools(): void {
  const missing = missingSystemTools();
  if (missing.length === 0) return;
  const names = missing.map(({ command }) => command).join(", ");
  const install = missing.map(({ debianPackage }) => debianPackage).join(" ");
  throw new Error(`npm run test:tools needs ${names} on PATH (Debian/Ubuntu: apt-get install ${install}).`);
}
