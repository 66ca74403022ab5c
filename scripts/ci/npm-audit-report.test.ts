import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { advisoriesOf } from "./npm-audit-report";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("advisoriesOf", () => {
  it("lists each advisory against the package it is in, by GHSA id, skipping packages only vulnerable through another", () => {
    const advisories = advisoriesOf(fixture("npm-audit-report.json"));
    expect(advisories.map(({ id, package: name, severity }) => [id, name, severity])).toEqual([
      ["GHSA-f82v-jwr5-mffw", "next", "critical"],
      ["GHSA-7m27-7ghc-44w9", "next", "moderate"],
      ["GHSA-9wv6-86v2-598j", "path-to-regexp", "high"],
      ["GHSA-3xgq-45jj-v275", "cross-spawn", "high"],
      ["GHSA-pxg6-pf52-xh8x", "cookie", "low"],
    ]);
    expect(advisories[0]).toMatchObject({
      title: "Authorization Bypass in Next.js Middleware",
      range: ">=15.0.0 <15.2.3",
      url: "https://github.com/advisories/GHSA-f82v-jwr5-mffw",
    });
  });

  it("finds nothing in a clean report", () => {
    expect(advisoriesOf(fixture("npm-audit-clean.json"))).toEqual([]);
  });

  it("uses npm's numeric id when the advisory links no GHSA", () => {
    const via = {
      source: 1088,
      name: "left-pad",
      title: "t",
      url: "https://npmjs.com/advisories/1088",
      severity: "high",
      range: "*",
    };
    const json = JSON.stringify({ auditReportVersion: 2, vulnerabilities: { "left-pad": { via: [via] } } });
    expect(advisoriesOf(json).map(({ id }) => id)).toEqual(["1088"]);
  });

  it("throws when npm reports an error instead of a report (an unreachable audit endpoint never passes)", () => {
    expect(() => advisoriesOf(fixture("npm-audit-endpoint-error.json"))).toThrow(
      /npm audit failed: 405 Method Not Allowed/,
    );
    expect(() => advisoriesOf("")).toThrow(/did not print JSON/);
    expect(() => advisoriesOf(JSON.stringify({ auditReportVersion: 1, advisories: {} }))).toThrow(/does not know/);
  });
});
