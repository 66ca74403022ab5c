import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// These tests start real processes (eslint, git, shellcheck, servers); a busy 2-core machine slows them down.
const SLOW_TEST_MS = 60_000;

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? "parse-error");
}

describe("eslint.config.mjs", { timeout: SLOW_TEST_MS }, () => {
  it("forbids console in application code", async () => {
    expect(await ruleIdsFor("src/server/example.mjs", `console.log("hello");\n`)).toEqual(["no-console"]);
  });

  it("lets scripts print", async () => {
    expect(await ruleIdsFor("scripts/example.mjs", `console.log("hello");\n`)).toEqual([]);
  });

  it("takes zod values only from src/lib/zod.ts (types may come from zod itself)", async () => {
    const file = "src/lib/contracts/errors.ts";
    expect(await ruleIdsFor(file, `import { z } from "zod";\nexport const s = z.string();\n`)).toEqual([
      "@typescript-eslint/no-restricted-imports",
    ]);
    expect(await ruleIdsFor(file, `import type { z } from "zod";\nexport type S = z.ZodString;\n`)).toEqual([]);
    expect(await ruleIdsFor("src/lib/zod.ts", `import { z } from "zod";\nexport { z };\n`)).toEqual([]);
  });

  it("keeps the ai SDK and its providers inside src/server/ai, where the zod rule still applies", async () => {
    const sdk = `import { generateText } from "ai";\nimport { createOpenAICompatible } from "@ai-sdk/openai-compatible";\nexport const x = [generateText, createOpenAICompatible];\n`;
    expect(await ruleIdsFor("src/server/services/ai/summarise-client.ts", sdk)).toEqual([
      "@typescript-eslint/no-restricted-imports",
      "@typescript-eslint/no-restricted-imports",
    ]);
    expect(await ruleIdsFor("src/server/ai/chat.ts", sdk)).toEqual([]);
    expect(
      await ruleIdsFor("src/server/ai/chat.ts", `import { z } from "zod";\nexport const s = z.string();\n`),
    ).toEqual(["@typescript-eslint/no-restricted-imports"]);
  });

  it("keeps the browser on one transport: no bare fetch or XMLHttpRequest outside api-client", async () => {
    const call = `export const call = () => fetch("/api/contacts");\n`;
    expect(await ruleIdsFor("src/components/notes/notes-api.ts", call)).toEqual(["no-restricted-globals"]);
    expect(await ruleIdsFor("src/app/(app)/clients/[id]/page.tsx", call)).toEqual(["no-restricted-globals"]);
    expect(
      await ruleIdsFor("src/components/notes/notes-api.ts", `export const x = () => window.fetch("/a");\n`),
    ).toEqual(["no-restricted-properties"]);
    expect(
      await ruleIdsFor("src/components/notes/notes-api.ts", `export const x = () => new XMLHttpRequest();\n`),
    ).toEqual(["no-restricted-globals"]);
    expect(await ruleIdsFor("src/lib/api-client.ts", call)).toEqual([]);
    // Server code calls other services (Upstash, Google) and is not the browser.
    expect(await ruleIdsFor("src/server/http/request-id.ts", call)).toEqual([]);
  });

  it("ignores build output and embedded data", async () => {
    for (const filePath of [".next/server/chunk.js", ".next-bench/x.js", ".data/x.js", "coverage/x.js"]) {
      expect(await eslint.isPathIgnored(filePath), filePath).toBe(true);
    }
  });
});
