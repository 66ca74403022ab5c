import { describe, expect, it } from "vitest";
import { bodySizeRefusal } from "./body-limit";

const refusal = (headers: Record<string, string>) => bodySizeRefusal(new Headers(headers), 100);

describe("bodySizeRefusal", () => {
  it("refuses a declared body over the cap with 413", () => {
    expect(refusal({ "content-type": "application/json", "content-length": "101" })?.status).toBe(413);
    expect(refusal({ "content-length": "101" })?.status).toBe(413);
    expect(refusal({ "content-type": "application/json", "content-length": "100" })).toBeNull();
  });

  it("leaves uploads and undeclared sizes to the route, which counts the bytes it reads", () => {
    expect(refusal({ "content-type": "multipart/form-data; boundary=x", "content-length": "5000" })).toBeNull();
    expect(refusal({ "content-type": "application/json" })).toBeNull();
    expect(refusal({ "content-length": "lots" })).toBeNull();
  });
});
