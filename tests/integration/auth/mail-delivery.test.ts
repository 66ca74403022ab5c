import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { startSmtpServer, type LocalSmtpServer } from "../../support/smtp-server";
import { decodeQuotedPrintable, PASSWORD, resetTokenIn, signedUpBrowser, temporaryDataDir } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";
import { TestBrowser } from "../../support/test-browser";

let smtp: LocalSmtpServer;
const dataDir = temporaryDataDir();
let routes: AuthRoutes;

beforeAll(async () => {
  smtp = await startSmtpServer();
  routes = await loadAuthRoutes({
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    MAIL_FROM: "OmniCRM <no-reply@omnicrm.test>",
    APP_URL: "https://crm.example.com",
    NEXT_PUBLIC_SUPABASE_URL: undefined,
  });
});

afterAll(async () => {
  await smtp.close();
});

describe("SMTP delivery (SMTP_URL set)", () => {
  it("delivers a message through nodemailer with the URL's credentials", async () => {
    const { sendMail } = await import("@/server/mail");
    await sendMail({ to: "client@example.com", subject: "Hello", text: "Plain words.", html: "<p>Plain words.</p>" });
    const mail = smtp.received.at(-1);
    expect(mail).toMatchObject({ from: "no-reply@omnicrm.test", to: ["client@example.com"], user: "omnicrm" });
    expect(mail?.raw).toMatch(/^Subject: Hello$/m);
    expect(mail?.raw).toContain("Plain words.");
    expect(mail?.raw).toMatch(/Content-Type: multipart\/alternative/);
  });

  it("fails loudly when the server refuses the credentials", async () => {
    const { createSmtpMailer } = await import("@/server/mail/smtp-mailer");
    const wrong = new URL(smtp.url);
    wrong.password = "wrong";
    const mailer = createSmtpMailer(wrong.toString(), "OmniCRM <no-reply@omnicrm.test>");
    await expect(mailer.send({ to: "x@example.com", subject: "s", text: "t" })).rejects.toThrow(/Invalid/);
  });

  it("the reset flow works end to end over SMTP, with links on APP_URL", async () => {
    const { email } = await signedUpBrowser(routes, "Smtp");
    const before = smtp.received.length;
    const response = await new TestBrowser("http://internal:3000").send(
      routes.resetPassword,
      "POST",
      "/api/auth/reset-password",
      { body: { email } },
    );
    expect(response.status).toBe(202);
    await settleAfterResponse(); // the mail is sent after the answer
    expect(smtp.received).toHaveLength(before + 1);
    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual([email]);
    expect(decodeQuotedPrintable(mail?.raw ?? "")).toContain("https://crm.example.com/reset-password/confirm?token=");
    const token = resetTokenIn(mail?.raw ?? "") as string;

    const confirmed = await new TestBrowser().send(routes.confirmReset, "POST", "/api/auth/reset-password/confirm", {
      body: { token, password: `${PASSWORD} v2` },
    });
    expect(confirmed.status).toBe(200);
    const signIn = await new TestBrowser().send(routes.signIn, "POST", "/api/auth/sign-in", {
      body: { email, password: `${PASSWORD} v2` },
    });
    expect(signIn.status).toBe(200);
  });
});
