import { describe, expect, it } from "vitest";
import { keyKind, limiterIdentifier } from "./caller-key";

describe("caller keys", () => {
  it("names what a key is made of without its values", () => {
    expect(keyKind("ip:203.0.113.9|email:ada@example.com")).toBe("ip+email");
    expect(keyKind("ip:203.0.113.9|ada@example.com")).toBe("ip+email");
    expect(keyKind("user:7f1c")).toBe("user");
    expect(keyKind("ip:::1|something")).toBe("ip+value");
  });

  it("hashes keys so the store never holds an email or address", () => {
    const identifier = limiterIdentifier("ip:203.0.113.9|ada@example.com");
    expect(identifier).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(identifier).not.toContain("ada");
    expect(limiterIdentifier("ip:203.0.113.9|ada@example.com")).toBe(identifier);
    expect(limiterIdentifier("ip:203.0.113.9|bob@example.com")).not.toBe(identifier);
  });
});
