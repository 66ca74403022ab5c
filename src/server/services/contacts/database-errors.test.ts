import { describe, expect, it } from "vitest";
import { refusalsAsAppErrors, withCallerValues } from "./database-errors";

const failing = (code: string) => () => Promise.reject(Object.assign(new Error("db"), { code }));

describe("withCallerValues", () => {
  it.each(["22007", "22008", "22009", "22003", "22P02"])(
    "answers %s (a value Postgres cannot read) with a 422",
    async (code) => {
      await expect(withCallerValues(failing(code))).rejects.toMatchObject({ status: 422 });
    },
  );

  it("finds the code on a wrapped cause, as Drizzle throws it", async () => {
    const wrapped = () =>
      Promise.reject(new Error("query failed", { cause: Object.assign(new Error("db"), { code: "22008" }) }));
    await expect(withCallerValues(wrapped)).rejects.toMatchObject({ status: 422 });
  });

  it("leaves every other failure a server error", async () => {
    await expect(withCallerValues(failing("57014"))).rejects.not.toHaveProperty("status");
    await expect(withCallerValues(failing("23505"))).rejects.not.toHaveProperty("status");
  });

  it("refusalsAsAppErrors still maps constraint refusals", async () => {
    await expect(refusalsAsAppErrors(failing("23505"))).rejects.toMatchObject({ status: 409 });
    await expect(refusalsAsAppErrors(failing("22008"))).rejects.not.toHaveProperty("status");
  });
});
