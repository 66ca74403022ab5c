import { describe, expect, it } from "vitest";
import { bodySizeRefusal, MULTIPART_LIMIT_BYTES } from "./body-limit";

const refusal = (headers: Record<string, string>) => bodySizeRefusal(new Headers(headers), 100);

describe("bodySizeRefusal", () => {
  it("refuses a declared body over the cap with 413", () => {
    expect(refusal({ "content-type": "application/json", "content-length": "101" })?.status).toBe(413);
    expect(refusal({ "content-length": "101" })?.status).toBe(413);
    expect(refusal({ "content-type": "application/json", "content-length": "100" })).toBeNull();
  });

  it("caps a declared upload at MULTIPART_LIMIT_BYTES, leaving the route its own smaller cap", () => {
    const upload = (length: number) =>
      refusal({ "content-type": "multipart/form-data; boundary=x", "content-length": String(length) });
    expect(upload(5000)).toBeNull();
    expect(upload(MULTIPART_LIMIT_BYTES)).toBeNull();
    expect(upload(MULTIPART_LIMIT_BYTES + 1)?.status).toBe(413);
    expect(upload(50 * 1024 * 1024)?.status).toBe(413);
    expect(upload(50 * 1024 * 1024)?.message).toBe("The upload is larger than 10 MB");
  });

  it("leaves undeclared sizes to the route, which counts the bytes it reads", () => {
    expect(refusal({ "content-type": "application/json" })).toBeNull();
    expect(refusal({ "content-length": "lots" })).toBeNull();
  });
});
