import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** Images built in memory for the photo tests (this module is imported by tests only). */

export const GPS_EXIF = {
  IFD0: { Make: "TestCam", Model: "Spy 3000", Copyright: "Ada Example" },
  IFD3: {
    GPSLatitudeRef: "N",
    GPSLatitude: "48/1 51/1 2988/100",
    GPSLongitudeRef: "E",
    GPSLongitude: "2/1 17/1 4020/100",
  },
};

/** A JPEG `width`×`height` (before rotation) carrying EXIF with GPS, camera and an orientation tag. */
export async function jpegWithGps(width = 1600, height = 1200, orientation = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation, exif: GPS_EXIF })
    .toBuffer();
}

export async function plainImage(format: "png" | "webp" | "jpeg", width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 140, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

/** A JPEG with an HTML/script comment segment and a ZIP archive appended after its end marker. */
export async function polyglotJpeg(marker: string): Promise<Buffer> {
  const jpeg = await plainImage("jpeg", 120, 80);
  const comment = Buffer.from(`<html><script>alert("${marker}")</script></html>`);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe]), u16(comment.length + 2), comment]);
  const zip = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from(`${marker}-zip-entry.sh#!/bin/sh\nrm -rf /\n`)]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2), zip]);
}

/** A tiny valid PNG whose header declares `side`×`side` pixels: a decompression bomb if decoded. */
export function pngBomb(side = 50_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  // A few rows of zeros: the rest would be inflated on demand, gigabytes of it.
  const rows = deflateSync(Buffer.alloc((side + 1) * 4), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", rows),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The first bytes of an iPhone HEIC file (an `ftyp` box with the `heic` brand). */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([u32(24), Buffer.from("ftypheic"), u32(0), Buffer.from("mif1heic")]);
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
}

/** Whether the bytes hold the fixture's GPS latitude (48° 51′ 29.88″ as EXIF rationals, either byte order). */
export function containsGpsLatitude(bytes: Uint8Array): boolean {
  const values = [48, 1, 51, 1, 2988, 100];
  const encode = (write: (buffer: Buffer, value: number, offset: number) => void) => {
    const buffer = Buffer.alloc(values.length * 4);
    values.forEach((value, index) => write(buffer, value, index * 4));
    return buffer;
  };
  return (
    contains(
      bytes,
      encode((buffer, value, offset) => buffer.writeUInt32BE(value, offset)),
    ) ||
    contains(
      bytes,
      encode((buffer, value, offset) => buffer.writeUInt32LE(value, offset)),
    )
  );
}

/** Whether `needle` occurs anywhere in `haystack`. */
export function contains(haystack: Uint8Array, needle: string | Uint8Array): boolean {
  const bytes = typeof needle === "string" ? Buffer.from(needle, "latin1") : Buffer.from(needle);
  return Buffer.from(haystack).includes(bytes);
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
