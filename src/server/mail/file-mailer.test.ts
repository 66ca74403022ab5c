import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFileMailer } from "./file-mailer";

describe("file mailer", () => {
  it("writes each message as an owner-only RFC 822 file named by time", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "omnicrm-mail-")), "mail");
    const mailer = createFileMailer(dir, "OmniCRM <no-reply@localhost>");
    await mailer.send({ to: "ada@example.com", subject: "Welcome", text: "Hello Ada." });
    await mailer.send({ to: "bob@example.com", subject: "Second", text: "Hello Bob.", html: "<p>Hello Bob.</p>" });

    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{8}\.eml$/);
      expect(fs.statSync(path.join(dir, file)).mode & 0o777).toBe(0o600);
    }
    const messages = files.map((file) => fs.readFileSync(path.join(dir, file), "utf8"));
    const first = messages.find((text) => text.includes("Subject: Welcome")) ?? "";
    expect(first).toMatch(/^From: OmniCRM <no-reply@localhost>$/m);
    expect(first).toMatch(/^To: ada@example.com$/m);
    expect(first).toMatch(/^Date: .+$/m);
    expect(first).toMatch(/\r\n\r\nHello Ada\.\r\n$/);
    expect(messages.find((text) => text.includes("Subject: Second"))).toMatch(/multipart\/alternative/);
  });
});
