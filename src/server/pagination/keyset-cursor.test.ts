import { describe, expect, it } from "vitest";
import { decodeKeysetCursor, encodeKeysetCursor } from "./keyset-cursor";

describe("keyset cursors", () => {
  it("round-trip a position with microseconds", () => {
    const cursor = { at: "2030-01-01T00:00:00.123456+00:00", id: "7b0f8a4e-2d7c-4c36-9a55-0f5b8f1b2c3d" };
    expect(decodeKeysetCursor(encodeKeysetCursor(cursor))).toEqual(cursor);
  });

  it.each([
    "",
    "not-base64!",
    Buffer.from("{}").toString("base64url"),
    Buffer.from('{"at":"x","id":"y"}').toString("base64url"),
    Buffer.from('{"at":"0000-01-01T00:00:00Z","id":"7b0f8a4e-2d7c-4c36-9a55-0f5b8f1b2c3d"}').toString("base64url"),
    Buffer.from('{"at":"2024-01-01T00:00:00+23:00","id":"7b0f8a4e-2d7c-4c36-9a55-0f5b8f1b2c3d"}').toString("base64url"),
  ])("refuse %j as a 422", (value) => {
    expect(() => decodeKeysetCursor(value)).toThrow(expect.objectContaining({ status: 422 }) as Error);
  });
});
