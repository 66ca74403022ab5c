import { describe, expect, it } from "vitest";
import { emailKey } from "./rate-limit-keys";

describe("emailKey", () => {
  it("is the trimmed, lower-cased email of the raw body", () => {
    expect(emailKey({ email: "  Ada@Example.COM " })).toBe("ada@example.com");
  });

  it("is undefined when the body has no usable email", () => {
    for (const body of [undefined, null, "ada@example.com", [], {}, { email: 42 }, { email: "   " }]) {
      expect(emailKey(body)).toBeUndefined();
    }
  });
});
