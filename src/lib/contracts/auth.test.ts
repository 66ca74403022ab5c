import { describe, expect, it } from "vitest";
import { WEAK_PASSWORD_MESSAGE } from "@/lib/password-strength";
import { confirmResetPasswordInput, signUpInput } from "./auth";

const TOKEN = "t".repeat(43);

async function passwordIssues(result: Promise<{ error?: { issues: { path: PropertyKey[]; message: string }[] } }>) {
  return ((await result).error?.issues ?? [])
    .filter((issue) => issue.path.join(".") === "password")
    .map((i) => i.message);
}

describe("the new-password rule in the auth contracts (one schema, parsed by the browser form and the API)", () => {
  it.each(["password1234", "aaaaaaaaaaaa"])("sign-up and reset refuse %s with the one message", async (password) => {
    const signUp = signUpInput.safeParseAsync({ email: "sam@example.com", password, displayName: "Sam" });
    const reset = confirmResetPasswordInput.safeParseAsync({ token: TOKEN, password });
    expect(await passwordIssues(signUp)).toEqual([WEAK_PASSWORD_MESSAGE]);
    expect(await passwordIssues(reset)).toEqual([WEAK_PASSWORD_MESSAGE]);
  });

  it("sign-up refuses a password equal to the email, whatever its case", async () => {
    const email = "robin.wellness@example.com";
    const issues = await passwordIssues(
      signUpInput.safeParseAsync({ email: email.toUpperCase(), password: email, displayName: "Robin" }),
    );
    expect(issues).toEqual([WEAK_PASSWORD_MESSAGE]);
  });

  it("sign-up refuses a password made of the name", async () => {
    const issues = await passwordIssues(
      signUpInput.safeParseAsync({
        email: "r@example.com",
        password: "RobinHartley2024",
        displayName: "Robin Hartley",
      }),
    );
    expect(issues).toEqual([WEAK_PASSWORD_MESSAGE]);
  });

  it("accepts a strong passphrase", async () => {
    const password = "violet kettle moss orbit";
    expect((await signUpInput.safeParseAsync({ email: "a@example.com", password, displayName: "A" })).success).toBe(
      true,
    );
    expect((await confirmResetPasswordInput.safeParseAsync({ token: TOKEN, password })).success).toBe(true);
  });

  it("reports a short password by its length only, without scoring it", async () => {
    const issues = await passwordIssues(confirmResetPasswordInput.safeParseAsync({ token: TOKEN, password: "aaaa" }));
    expect(issues).toEqual(["Use at least 12 characters"]);
  });
});
