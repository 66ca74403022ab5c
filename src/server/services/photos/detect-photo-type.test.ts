import { describe, expect, it } from "vitest";
import { detectPhotoType } from "./detect-photo-type";
import { heicHeader, plainImage } from "./test-images";

const ftyp = (major: string, ...compatible: string[]) => {
  const brands = [major, "\0\0\0\0", ...compatible].join("");
  const box = Buffer.concat([Buffer.alloc(4), Buffer.from(`ftyp${brands}`, "latin1")]);
  box.writeUInt32BE(box.length);
  return box;
};

describe("detectPhotoType", () => {
  it("recognises JPEG, PNG and WebP by their signatures", async () => {
    expect(detectPhotoType(await plainImage("jpeg"))).toBe("jpeg");
    expect(detectPhotoType(await plainImage("png"))).toBe("png");
    expect(detectPhotoType(await plainImage("webp"))).toBe("webp");
  });

  it("recognises HEIC by its ftyp brands, but not AVIF or other ISO-BMFF files (video)", () => {
    expect(detectPhotoType(heicHeader())).toBe("heif");
    expect(detectPhotoType(ftyp("mif1", "heic"))).toBe("heif");
    expect(detectPhotoType(ftyp("avif", "mif1", "miaf"))).toBeNull();
    expect(detectPhotoType(ftyp("isom", "mp41"))).toBeNull();
  });

  it("ignores names and declared types: scripts, HTML, SVG, GIF, PDF and empty files are nothing", () => {
    for (const text of [
      "#!/bin/sh\necho pwned\n",
      "<html><script>alert(1)</script>",
      "<svg xmlns='x'/>",
      "GIF89a",
      "%PDF-1.7",
      "",
    ]) {
      expect(detectPhotoType(Buffer.from(text))).toBeNull();
    }
    expect(detectPhotoType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(detectPhotoType(Buffer.from("RIFF\0\0\0\0WAVE"))).toBeNull();
  });
});
