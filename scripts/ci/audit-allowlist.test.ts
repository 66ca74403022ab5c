import { describe, expect, it } from "vitest";
import { type AllowlistEntry, auditPassed, judgeAudit, parseAllowlist } from "./audit-allowlist";
import type { Advisory } from "./npm-audit-report";

const today = "2026-12-07";
const advisory = (id: string, name: string, severity: Advisory["severity"]): Advisory => ({
  id,
  package: name,
  severity,
  title: `${name} advisory`,
  url: `https://github.com/advisories/${id}`,
  range: "*",
});
const critical = advisory("GHSA-f82v-jwr5-mffw", "next", "critical");
const high = advisory("GHSA-9wv6-86v2-598j", "path-to-regexp", "high");
const moderate = advisory("GHSA-7m27-7ghc-44w9", "next", "moderate");
const accept = (target: Advisory, expires: string): AllowlistEntry => ({
  id: target.id,
  package: target.package,
  reason: "Only reachable through the admin CLI, which takes no untrusted input.",
  expires,
});

describe("judgeAudit", () => {
  it("fails on high and critical advisories and only reports the rest", () => {
    const verdict = judgeAudit([critical, high, moderate], [], today);
    expect(verdict.failing).toEqual([critical, high]);
    expect(verdict.belowThreshold).toEqual([moderate]);
    expect(auditPassed(verdict)).toBe(false);
  });

  it("passes when a live entry accepts each, through the day it expires", () => {
    const entries = [accept(critical, today), accept(high, "2027-03-01")];
    const verdict = judgeAudit([critical, high, moderate], entries, today);
    expect(verdict.failing).toEqual([]);
    expect(verdict.accepted.map(({ advisory: accepted }) => accepted.id)).toEqual([critical.id, high.id]);
    expect(auditPassed(verdict)).toBe(true);
  });

  it("accepts an advisory only in the package the entry names", () => {
    const verdict = judgeAudit([high], [{ ...accept(high, "2027-01-01"), package: "express" }], today);
    expect(verdict.failing).toEqual([high]);
    expect(verdict.unusedEntries).toHaveLength(1);
  });

  it("fails on an expired entry even when nothing matches it any more", () => {
    const verdict = judgeAudit([], [accept(high, "2026-12-06")], today);
    expect(verdict.invalidEntries).toEqual([{ entry: accept(high, "2026-12-06"), problem: "expired on 2026-12-06" }]);
    expect(auditPassed(verdict)).toBe(false);
  });

  it("fails on an entry dated more than 90 days ahead, and its advisory with it", () => {
    const verdict = judgeAudit([high], [accept(high, "2027-03-08")], today);
    expect(verdict.invalidEntries.map(({ problem }) => problem)).toEqual([
      "expires more than 90 days ahead (2027-03-07 at most)",
    ]);
    expect(verdict.failing).toEqual([high]);
    expect(judgeAudit([high], [accept(high, "2027-03-07")], today).failing).toEqual([]);
  });

  it("reports live entries that match no advisory so they can be removed, without failing", () => {
    const verdict = judgeAudit([], [accept(high, "2027-01-01")], today);
    expect(verdict.unusedEntries).toEqual([accept(high, "2027-01-01")]);
    expect(auditPassed(verdict)).toBe(true);
  });
});

describe("parseAllowlist", () => {
  it("reads entries and names every problem with their paths", () => {
    const good = accept(high, "2027-01-01");
    expect(parseAllowlist(JSON.stringify({ advisories: [good] }), "allow.json")).toEqual([good]);
    const bad = {
      advisories: [{ id: "CVE-2025-29927", package: "next", reason: "later", expires: "soon", owner: "me" }],
    };
    const message = (() => {
      try {
        parseAllowlist(JSON.stringify(bad), "allow.json");
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("allow.json is not a valid allowlist");
    for (const field of ["advisories.0.id", "advisories.0.reason", "advisories.0.expires", "owner"]) {
      expect(message).toContain(field);
    }
  });
});
