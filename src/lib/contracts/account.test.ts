import { describe, expect, it } from "vitest";
import { confirmsAccountDeletion, DELETE_ACCOUNT_PHRASE } from "./account";

describe("confirmsAccountDeletion", () => {
  it("accepts the exact phrase, or the account's email in any letter case, with surrounding spaces", () => {
    expect(confirmsAccountDeletion(DELETE_ACCOUNT_PHRASE, "a@example.com")).toBe(true);
    expect(confirmsAccountDeletion(`  ${DELETE_ACCOUNT_PHRASE} `, "a@example.com")).toBe(true);
    expect(confirmsAccountDeletion("A@Example.COM", "a@example.com")).toBe(true);
  });

  it("refuses anything else: a near miss, another letter case of the phrase, another email, nothing", () => {
    for (const typed of ["delete my acount", "Delete My Account", "b@example.com", "", "a@example.co"]) {
      expect(confirmsAccountDeletion(typed, "a@example.com"), typed).toBe(false);
    }
    expect(confirmsAccountDeletion("", "")).toBe(false);
  });
});
