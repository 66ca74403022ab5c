import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger } from "./create-logger";
import { REDACTED } from "./redaction";

function capture(level: "info" | "debug" = "info") {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe("createLogger", () => {
  it("writes exactly one JSON object per line, with level label, ISO time and service", () => {
    const { logger, lines, records } = capture();
    logger.info({ status: 200 }, "first");
    logger.warn("second");
    logger.debug("below the level");
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.endsWith("\n") && line.indexOf("\n") === line.length - 1).toBe(true);
    const [first, second] = records();
    expect(first).toMatchObject({ level: "info", service: "omnicrm", status: 200, msg: "first" });
    expect(second).toMatchObject({ level: "warn", msg: "second" });
    expect(new Date(String(first?.time)).toISOString()).toBe(first?.time);
  });

  it("redacts cookies, authorization, passwords, tokens and client PII at any depth", () => {
    const { logger, lines, records } = capture();
    const secrets = {
      headers: { cookie: "omnicrm_session=s3ss10n", authorization: "Bearer t0k3n-value", accept: "text/html" },
      password: "hunter2-pass",
      body: { newPassword: "n3w-pass", refreshToken: "r3fr3sh", contact: { email: "ada@example.com" } },
      client: { phone: "+44 20 7946 0958", dateOfBirth: "1990-04-01", firstName: "Ada", lastName: "Lovelace" },
      api_key: "k3y",
    };
    logger.info(secrets, "signed in");
    const [record] = records();
    expect(record).toMatchObject({
      headers: { cookie: REDACTED, authorization: REDACTED, accept: "text/html" },
      password: REDACTED,
      body: { newPassword: REDACTED, refreshToken: REDACTED, contact: { email: REDACTED } },
      client: { phone: REDACTED, dateOfBirth: REDACTED, firstName: REDACTED, lastName: REDACTED },
      api_key: REDACTED,
    });
    for (const value of [
      "s3ss10n",
      "t0k3n-value",
      "hunter2-pass",
      "n3w-pass",
      "r3fr3sh",
      "ada@example.com",
      "7946",
      "1990-04-01",
      "Lovelace",
      "k3y",
    ]) {
      expect(lines.join("")).not.toContain(value);
    }
  });

  it("scrubs PII out of messages, errors (message, stack, driver details) and child bindings", () => {
    const { logger, lines, records } = capture();
    const error = Object.assign(new Error("no account for ada@example.com"), {
      detail: "Key (email)=(ada@example.com) already exists.",
    });
    logger
      .child({ email: "ada@example.com", requestId: "req-12345678" })
      .error({ err: error }, "lookup for ada@example.com failed");
    const [record] = records();
    expect(record).toMatchObject({
      email: "[email]",
      requestId: "req-12345678",
      msg: "lookup for [email] failed",
      err: { type: "Error", message: "no account for [email]", detail: "Key (email)=([email]) already exists." },
    });
    expect(String((record?.err as { stack: string }).stack)).toContain("create-logger.test.ts");
    expect(lines.join("")).not.toContain("ada@example.com");
  });

  it("never pretty-prints in-process: the process logger writes plain JSON lines to stdout, even in development", () => {
    const stdout = execFileSync(
      path.resolve("node_modules/.bin/tsx"),
      [
        "-e",
        'import("./src/server/observability/logger.ts").then(({ rootLogger }) => rootLogger.info({ status: 200 }, "hello"))',
      ],
      { env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "info" }, encoding: "utf8" },
    );
    const lines = stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", status: 200, msg: "hello" });
  });
});
