import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { putObject } from "@/server/storage";
import { loadClientPhoto, MAX_INLINE_PHOTO_BYTES } from "./client-photo";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function stored(bytes: Uint8Array, contentType: string) {
  const photoPath = `${randomUUID()}/client-photos/${randomUUID()}`;
  await putObject(photoPath, bytes, contentType);
  return { id: randomUUID(), photoPath };
}

describe("loadClientPhoto", () => {
  it("inlines a stored image as a data URL with its content type", async () => {
    const url = await loadClientPhoto(await stored(PNG, "image/png"));
    expect(url).toBe(`data:image/png;base64,${Buffer.from(PNG).toString("base64")}`);
  });

  it("falls back to initials (null) without a photo, for a missing file, a non-image or an oversized file", async () => {
    expect(await loadClientPhoto({ id: randomUUID(), photoPath: null })).toBeNull();
    expect(await loadClientPhoto({ id: randomUUID(), photoPath: `${randomUUID()}/client-photos/gone` })).toBeNull();
    expect(await loadClientPhoto(await stored(PNG, "text/html"))).toBeNull();
    expect(await loadClientPhoto(await stored(new Uint8Array(MAX_INLINE_PHOTO_BYTES + 1), "image/jpeg"))).toBeNull();
  });
});
