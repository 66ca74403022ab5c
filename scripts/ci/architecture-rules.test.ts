import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** A scratch source tree: each file breaks exactly the rules listed beside it (or none). */
const scratchFiles: Record<string, { source: string; breaks: string[] }> = {
  "src/server/db/index.ts": { source: `import postgres from "postgres";\nexport const sql = postgres;`, breaks: [] },
  "src/server/auth/session.ts": { source: `import "@supabase/supabase-js";\nexport const a = 1;`, breaks: [] },
  "src/server/observability/logger.ts": { source: `import "pino";\nimport "@sentry/nextjs";`, breaks: [] },
  "src/server/security/rate-limit/upstash.ts": { source: `import "@upstash/redis";`, breaks: [] },
  "src/app/page.tsx": { source: `import { a } from "@/server/auth/session";\nexport default a;`, breaks: [] },
  "src/app/api/contacts/route.ts": {
    source: `import { sql } from "@/server/db";\nimport "drizzle-orm";\nexport const GET = sql;`,
    breaks: ["route-no-database"],
  },
  "src/server/services/contacts/list-contacts.ts": {
    source: `import "next/server";\nimport "next/headers";\nimport "@/app/page";`,
    breaks: ["service-no-http", "nothing-imports-app"],
  },
  "src/server/services/notes/list-notes.ts": {
    source: `import "@/server/http/route";\nexport const b = 1;`,
    breaks: ["below-http-no-http"],
  },
  "src/server/http/route.ts": { source: `export const defineRoute = 1;`, breaks: [] },
  "src/lib/format.ts": {
    source: `import { a } from "@/server/auth/session";\nexport const b = a;`,
    breaks: ["browser-code-no-server"],
  },
  "src/components/menu.tsx": { source: `import "@/server/db";`, breaks: ["browser-code-no-server"] },
  "src/app/settings/form.tsx": {
    source: `// A form posts through the API.\n"use client";\nimport "@/server/auth/session";`,
    breaks: ["browser-code-no-server"],
  },
  "src/proxy.ts": { source: `import "@/server/db";`, breaks: ["proxy-no-database"] },
  "src/server/jobs/cycle-a.ts": { source: `import "./cycle-b";`, breaks: ["no-circular"] },
  // A cycle is reported once, at the file where the cruise first meets it.
  "src/server/jobs/cycle-b.ts": { source: `import "./cycle-a";`, breaks: [] },
  "src/server/http/vendors.ts": {
    source: [
      `import "@sentry/nextjs";`,
      `import "@upstash/ratelimit";`,
      `import "@supabase/ssr";`,
      `import "pino";`,
      `import "@electric-sql/pglite";`,
      `import "./missing-module";`,
      `import "fast-check";`,
    ].join("\n"),
    breaks: [
      "only-owner-imports-sentry",
      "only-owner-imports-upstash",
      "only-owner-imports-supabase",
      "only-owner-imports-pino",
      "only-owner-imports-database-drivers",
      "not-to-unresolvable",
      "not-to-dev-dependency",
    ],
  },
};

interface CruiseResult {
  summary: { violations: { from: string; rule: { name: string } }[] };
}

let scratch = "";
let violationsByFile: Record<string, string[]> = {};

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-arch-"));
  for (const name of [".dependency-cruiser.cjs", "tsconfig.json", "package.json"]) {
    fs.copyFileSync(path.join(root, name), path.join(scratch, name));
  }
  fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"));
  for (const [file, { source }] of Object.entries(scratchFiles)) {
    fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    fs.writeFileSync(path.join(scratch, file), `${source}\n`);
  }
  const depcruise = path.join(root, "node_modules/.bin/depcruise");
  // depcruise exits non-zero when it finds violations, which is the point here.
  const output = await run(depcruise, ["src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    cwd: scratch,
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  const result = JSON.parse(output.stdout) as CruiseResult;
  violationsByFile = {};
  for (const { from, rule } of result.summary.violations) {
    (violationsByFile[from] ??= []).push(rule.name);
  }
}, 60_000);

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("architecture rules (.dependency-cruiser.cjs)", () => {
  it.each(Object.entries(scratchFiles))("%s breaks exactly the rules it should", (file, { breaks }) => {
    expect([...new Set(violationsByFile[file] ?? [])].sort()).toEqual([...breaks].sort());
  });

  it("flags no file outside the scratch tree", () => {
    expect(Object.keys(violationsByFile).filter((file) => !(file in scratchFiles))).toEqual([]);
  });
});
