import { describe, expect, it } from "vitest";
import { estimatePasswordStrength, MIN_PASSWORD_SCORE, passwordContextWords } from "./password-strength";

const ADA = { email: "ada.lovelace1815@example.com", displayName: "Ada Lovelace" };

describe("estimatePasswordStrength", () => {
  it.each(["password1234", "aaaaaaaaaaaa", "qwertyuiop123", "Password1234!"])(
    "refuses the common or patterned %s",
    async (password) => {
      const strength = await estimatePasswordStrength(password);
      expect(strength.score).toBeLessThan(MIN_PASSWORD_SCORE);
      expect(strength.acceptable).toBe(false);
    },
  );

  it("refuses the email itself, and passwords built from the email or the name", async () => {
    for (const password of [ADA.email, "ada.lovelace1815", "adalovelace1815", "AdaLovelace!2024"]) {
      const strength = await estimatePasswordStrength(password, ADA);
      expect(strength.acceptable, password).toBe(false);
      expect(strength.warning, password).toMatch(/personal/);
    }
  });

  it("would accept the same email-derived password from someone else: the context is what refuses it", async () => {
    expect((await estimatePasswordStrength("adalovelace1815")).acceptable).toBe(true);
  });

  it("accepts a passphrase of uncommon words, with or without the person's context", async () => {
    for (const context of [{}, ADA]) {
      const strength = await estimatePasswordStrength("violet kettle moss orbit", context);
      expect(strength).toMatchObject({ acceptable: true, warning: null });
      expect(strength.score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    }
  });

  it("scores a long crafted password quickly: only the first 64 characters are estimated", async () => {
    await estimatePasswordStrength("warm up");
    const started = performance.now();
    await estimatePasswordStrength("aB3$".repeat(50));
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

describe("passwordContextWords", () => {
  it("names the email, its local part and pieces, the domain, and the name in each form", () => {
    expect(passwordContextWords(ADA).sort()).toEqual(
      [
        "omnicrm",
        "ada.lovelace1815@example.com",
        "ada.lovelace1815",
        "ada",
        "lovelace",
        "1815",
        "example",
        "ada lovelace",
        "adalovelace",
      ].sort(),
    );
  });
});
