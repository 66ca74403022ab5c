import { describe, expect, it } from "vitest";
import { byteSizeText } from "./byte-size";

describe("byteSizeText", () => {
  it("names a limit in the largest unit that divides it", () => {
    expect(byteSizeText(10 * 1024 * 1024)).toBe("10 MB");
    expect(byteSizeText(1_048_576)).toBe("1 MB");
    expect(byteSizeText(64 * 1024)).toBe("64 KB");
    expect(byteSizeText(1_500_000)).toBe("1,500,000 bytes");
  });
});
