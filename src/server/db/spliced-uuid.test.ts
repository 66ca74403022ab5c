import { describe, expect, it } from "vitest";
import { splicedUuid } from "./spliced-uuid";

describe("splicedUuid", () => {
  it("passes a uuid through unchanged, in either case", () => {
    expect(splicedUuid("0b6f4e1c-9a2d-4c3e-8f7a-1d2e3f4a5b6c", "test")).toBe("0b6f4e1c-9a2d-4c3e-8f7a-1d2e3f4a5b6c");
    expect(splicedUuid("0B6F4E1C-9A2D-4C3E-8F7A-1D2E3F4A5B6C", "test")).toBe("0B6F4E1C-9A2D-4C3E-8F7A-1D2E3F4A5B6C");
  });

  it("refuses anything that could carry SQL into the statement's text, naming the caller", () => {
    for (const value of ["", "x' or '1'='1", "0b6f4e1c-9a2d-4c3e-8f7a-1d2e3f4a5b6c'; drop table x; --", "0b6f4e1c"])
      expect(() => splicedUuid(value, "withUserDb")).toThrow("withUserDb needs the user's id (a uuid)");
  });
});
