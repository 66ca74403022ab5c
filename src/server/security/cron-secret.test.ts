import { describe, expect, it } from "vitest";
import { cronRefusal, isCronPath } from "./cron-secret";

const secret = "s3cret-value-0123456789";

describe("cron secret", () => {
  it("recognises cron paths only under /api/cron/", () => {
    expect(isCronPath("/api/cron/process-jobs")).toBe(true);
    expect(isCronPath("/api/cronjobs")).toBe(false);
    expect(isCronPath("/cron/x")).toBe(false);
  });

  it("fails closed without a configured secret", () => {
    expect(cronRefusal(`Bearer ${secret}`, undefined)?.status).toBe(503);
    expect(cronRefusal("Bearer ", "")?.status).toBe(503);
  });

  it("accepts exactly the bearer secret", () => {
    expect(cronRefusal(`Bearer ${secret}`, secret)).toBeNull();
    for (const header of [null, "", secret, `bearer ${secret}`, `Bearer ${secret} `, `Bearer ${secret.slice(0, -1)}`]) {
      expect(cronRefusal(header, secret)?.status).toBe(401);
    }
  });
});
