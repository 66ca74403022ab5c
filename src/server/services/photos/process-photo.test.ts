import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_LIMITS } from "@/lib/contracts/photos";
import { processPhoto } from "./process-photo";
import { contains, containsGpsLatitude, jpegWithGps, plainImage, pngBomb, polyglotJpeg } from "./test-images";

const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status,
  );

describe("processPhoto", () => {
  it("strips EXIF, GPS and camera details, and rotates by the EXIF orientation", async () => {
    const input = await jpegWithGps(1600, 1200, 6);
    const inputMetadata = await sharp(input).metadata();
    // The fixture really carries what must be removed, or the assertions below prove nothing.
    expect(inputMetadata.exif?.length).toBeGreaterThan(100);
    expect(contains(input, "Spy 3000")).toBe(true);
    expect(containsGpsLatitude(input)).toBe(true);

    const output = await processPhoto(input);
    const metadata = await sharp(output.body).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 768, height: 1024 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(containsGpsLatitude(output.body)).toBe(false);
    for (const needle of ["Exif", "GPS", "TestCam", "Spy 3000", "Ada Example"])
      expect(contains(output.body, needle)).toBe(false);
    expect(output).toMatchObject({ contentType: "image/webp", width: 768, height: 1024 });
  });

  it("accepts PNG and WebP, and never enlarges a small photo", async () => {
    for (const format of ["png", "webp"] as const) {
      const output = await processPhoto(await plainImage(format, 64, 48));
      expect(await sharp(output.body).metadata()).toMatchObject({ format: "webp", width: 64, height: 48 });
    }
  });

  it("re-encodes a polyglot JPEG so neither its comment's HTML nor the appended ZIP survives", async () => {
    const input = await polyglotJpeg("polyglot-marker");
    expect(contains(input, "PK\x03\x04")).toBe(true);
    const output = await processPhoto(input);
    expect(contains(output.body, "polyglot-marker")).toBe(false);
    expect(contains(output.body, "<script")).toBe(false);
    expect(contains(output.body, "PK\x03\x04")).toBe(false);
  });

  it("refuses what is not a photo with 415, whatever it claims to be", async () => {
    expect(await status(processPhoto(Buffer.from("#!/bin/sh\nrm -rf ~\n")))).toBe(415);
    expect(await status(processPhoto(Buffer.from("GIF89a\x01\x00\x01\x00")))).toBe(415);
    expect(await status(processPhoto(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")))).toBe(415);
  });

  it("re-encodes a real HEIC (HEVC) photo where libvips decodes it, and otherwise answers 415 saying so", async () => {
    const heic = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../../../tests/integration/photos/fixtures/hevc-640x480.heic"),
    );
    expect((await sharp(heic).metadata()).compression).toBe("hevc");
    const result = await processPhoto(heic).catch((caught: unknown) => caught);
    if (sharp.format.heif.input.fileSuffix?.includes(".heic")) {
      expect(result).toMatchObject({ contentType: "image/webp" });
    } else {
      expect(result).toMatchObject({ status: 415 });
      expect((result as Error).message).toContain("HEIC photos cannot be read on this server");
    }
  });

  it("refuses a damaged file with a JPEG signature, and a decompression bomb before decoding it", async () => {
    expect(
      await status(processPhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]))),
    ).toBe(422);
    const bomb = pngBomb(50_000);
    expect(bomb.length).toBeLessThan(10_000);
    const started = performance.now();
    const error = await processPhoto(bomb).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 422 });
    expect((error as Error).message).toContain("megapixels");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses more bytes than an upload may hold with 413", async () => {
    const oversized = Buffer.concat([await plainImage("jpeg"), Buffer.alloc(PHOTO_LIMITS.maxBytes)]);
    expect(await status(processPhoto(oversized))).toBe(413);
  });
});
