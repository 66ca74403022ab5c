import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each listing starts vitest once; a busy 2-core machine slows that down.
const SLOW_TEST_MS = 120_000;

const root = path.resolve(import.meta.dirname, "../..");
const vitest = path.join(root, "node_modules/.bin/vitest");
const scripts = (
  JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;
const gateTable =
  /cat <<'TABLE'\n([\s\S]*?)\nTABLE\n/.exec(fs.readFileSync(path.join(root, ".ci/run"), "utf8"))?.[1] ?? "";

/** The gates of .ci/run whose report is vitest's, each with the vitest config its npm script runs. */
function vitestGates(): { gate: string; config: string }[] {
  return gateTable
    .split("\n")
    .map((row) => row.split("|").map((cell) => cell.trim()))
    .filter(([, , report]) => report === "vitest")
    .map(([gate = "", , , command = ""]) => {
      const script = /\bnpm (?:test|run ([\w:-]+))/.exec(command);
      const npmScript = scripts[script?.[1] ?? "test"] ?? "";
      return { gate, config: /--config (\S+)/.exec(npmScript)?.[1] ?? "vitest.config.ts" };
    });
}

/** Files a config runs, as CI runs it (real Postgres and Redis configured; listing never connects). */
function listedFiles(config: string): string[] {
  const output = execFileSync(vitest, ["list", "--filesOnly", "--json", "--config", config], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      CI: "true",
      TEST_DATABASE_URL: "postgres://postgres@127.0.0.1:1/postgres",
      TEST_REDIS_URL: "redis://127.0.0.1:1",
    },
  });
  return (JSON.parse(output) as { file: string }[]).map(({ file }) => path.relative(root, file));
}

function testFiles(): string[] {
  const listing = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "*.test.ts"], {
    cwd: root,
    encoding: "utf8",
  });
  return listing.split("\0").filter((file) => file !== "" && fs.existsSync(path.join(root, file)));
}

describe("the vitest gates of .ci/run", { timeout: SLOW_TEST_MS }, () => {
  it("run every test file, each in exactly one gate", () => {
    const gates = vitestGates();
    expect(gates.map(({ gate }) => gate)).toEqual(expect.arrayContaining(["tests", "tool-tests", "ops"]));
    const gatesOf = new Map<string, Set<string>>(testFiles().map((file) => [file, new Set()]));
    for (const { gate, config } of gates) {
      for (const file of listedFiles(config)) gatesOf.set(file, (gatesOf.get(file) ?? new Set()).add(gate));
    }
    const notExactlyOnce = [...gatesOf]
      .filter(([, runIn]) => runIn.size !== 1)
      .map(([file, runIn]) => [file, [...runIn]]);
    expect(notExactlyOnce).toEqual([]);
  });

  it("run the tool tests after the gates that install the tools and the packages", () => {
    const order = gateTable.split("\n").map((row) => row.split("|")[0]?.trim());
    expect(order.indexOf("tool-tests")).toBeGreaterThan(order.indexOf("system-tools"));
    expect(order.indexOf("tool-tests")).toBeGreaterThan(order.indexOf("install"));
    expect(order.indexOf("system-tools")).toBeGreaterThanOrEqual(0);
  });

  it("leave the tests that run system tools out of `npm test`", () => {
    const defaultRun = listedFiles("vitest.config.ts");
    expect(defaultRun.filter((file) => file.endsWith(".tools.test.ts"))).toEqual([]);
    expect(listedFiles("vitest.tools.config.ts")).toEqual(
      expect.arrayContaining(["scripts/ci/lint-shell.tools.test.ts", "scripts/ci/lint-workflows.tools.test.ts"]),
    );
  });
});
