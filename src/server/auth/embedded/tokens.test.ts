import { describe, expect, it } from "vitest";
import { hashToken, isSessionTokenFor, isWellFormedToken, newSessionToken, newToken } from "./tokens";

describe("opaque tokens", () => {
  it("are 32 random bytes in base64url, different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
  });

  it("hash to their SHA-256", () => {
    expect(hashToken("abc").toString("hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("reject anything that is not a token before the database sees it", () => {
    for (const value of [undefined, "", "short", `${"A".repeat(42)}=`, `${"A".repeat(44)}`, `${"A".repeat(42)}/`]) {
      expect(isWellFormedToken(value)).toBe(false);
    }
  });
});

describe("session tokens", () => {
  it("carry the transport they were issued for, and pass only for that one", () => {
    const overHttps = newSessionToken("h");
    const overHttp = newSessionToken("p");
    expect(isSessionTokenFor("h", overHttps)).toBe(true);
    expect(isSessionTokenFor("p", overHttp)).toBe(true);
    expect(isSessionTokenFor("p", overHttps)).toBe(false);
    expect(isSessionTokenFor("h", overHttp)).toBe(false);
    for (const value of [undefined, "", newToken(), `h.${"A".repeat(42)}`, `x.${newToken()}`]) {
      expect(isSessionTokenFor("h", value)).toBe(false);
    }
  });
});
