import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDependabotConfig } from "./dependabot-config";

const committed = path.resolve(import.meta.dirname, "../../.github/dependabot.yml");

const entry = (ecosystem: string, extra: string[] = []) => [
  `  - package-ecosystem: ${ecosystem}`,
  "    directory: /",
  "    schedule:",
  "      interval: weekly",
  ...extra,
];
const npmGroups = ["    groups:", "      minor-and-patch:", "        update-types: [minor, patch]"];
const check = (lines: string[]) =>
  checkDependabotConfig(lines.join("\n"), "dependabot.yml").map(({ line, message }) => [line, message]);

describe("checkDependabotConfig", () => {
  it("passes the committed .github/dependabot.yml", () => {
    expect(checkDependabotConfig(fs.readFileSync(committed, "utf8"), committed)).toEqual([]);
  });

  it("passes npm with minor and patch grouped, and GitHub Actions", () => {
    expect(check(["version: 2", "updates:", ...entry("npm", npmGroups), ...entry("github-actions")])).toEqual([]);
  });

  it("reports a misspelt key, an unknown interval and a missing directory at their lines", () => {
    const findings = check([
      "version: 2",
      "updates:",
      "  - package-ecosystem: npm",
      "    directory: /",
      "    schedule:",
      "      interval: fortnightly",
      "    open-pull-request-limit: 5",
      "  - package-ecosystem: github-actions",
      "    schedule:",
      "      interval: weekly",
    ]);
    expect(findings.map(([line]) => line)).toEqual([6, 7, 8]);
    expect(findings.map(([, message]) => message).join("\n")).toMatch(
      /updates\.0\.schedule\.interval[\s\S]*open-pull-request-limit[\s\S]*directory or directories/,
    );
  });

  it("requires npm and GitHub Actions to be watched, and npm minor and patch updates grouped", () => {
    expect(
      check([
        "version: 2",
        "updates:",
        ...entry("npm", ["    groups:", "      majors:", "        update-types: [major]"]),
      ]),
    ).toEqual([
      [3, "no update entry for github-actions in /: nothing would watch it"],
      [3, "npm minor and patch updates are not grouped: one pull request each"],
    ]);
  });

  it("reports YAML that does not parse", () => {
    const findings = check(["version: 2", "updates: [", "  - x"]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every(([line]) => line === 3)).toBe(true);
  });
});
