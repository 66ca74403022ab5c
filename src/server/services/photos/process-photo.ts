import sharp, { type Metadata, type Sharp } from "sharp";
import { z } from "@/lib/zod";
import { PHOTO_FORMATS_LABEL, PHOTO_LIMITS } from "@/lib/contracts/photos";
import { AppError } from "@/server/errors";
import { detectPhotoType, type PhotoType } from "./detect-photo-type";

/** The uploaded file's bytes, whatever buffer they live in. */
export const processPhotoInput = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array,
  "Expected the photo's bytes",
);

export interface ProcessedPhoto {
  body: Uint8Array;
  contentType: "image/webp";
  width: number;
  height: number;
}

/** Decoder options: a pixel cap sharp enforces itself, and corrupt input is an error, not a warning. */
const DECODE = { limitInputPixels: PHOTO_LIMITS.maxPixels, failOn: "error", animated: false } as const;

/** The format sharp must report for each detected type; a mismatch means the signature lied. */
const SHARP_FORMAT: Record<PhotoType, Metadata["format"]> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  heif: "heif",
};

const unsupported = (message = `Upload a ${PHOTO_FORMATS_LABEL} photo`) =>
  new AppError("unsupported_media_type", message, { details: [{ path: "photo", message }] });

const unreadable = () => {
  const message = "The photo could not be read; it may be damaged";
  return new AppError("validation_failed", message, { details: [{ path: "photo", message }] });
};

const tooManyPixels = () => {
  const message = `The photo is too large: at most ${PHOTO_LIMITS.maxPixels / 1_000_000} megapixels`;
  return new AppError("validation_failed", message, { details: [{ path: "photo", message }] });
};

/** Reads the header only and refuses what is not the detected format or has too many pixels. */
async function checkedImage(bytes: Uint8Array, type: PhotoType): Promise<Sharp> {
  const image = sharp(bytes, DECODE);
  let metadata: Metadata;
  try {
    metadata = await image.metadata();
  } catch (error) {
    // Sharp applies limitInputPixels to the header already; anything else it cannot parse is damaged.
    throw /pixel limit/i.test((error as Error).message) ? tooManyPixels() : unreadable();
  }
  if (metadata.format !== SHARP_FORMAT[type]) throw unsupported();
  const { width, height } = metadata;
  if (!width || !height) throw unreadable();
  if (width * height > PHOTO_LIMITS.maxPixels) throw tooManyPixels();
  return image;
}

/**
 * Sharp's prebuilt libvips reads HEIF only with AV1 (AVIF) coding: HEVC-coded HEIC (iPhone photos) is
 * left out of it for patent reasons, so such a photo gets a clear answer instead of a decoder error.
 */
const HEIC_DECODABLE = sharp.format.heif.input.fileSuffix?.includes(".heic") ?? false;

async function decodedImage(bytes: Uint8Array, type: PhotoType): Promise<Sharp> {
  if (type === "heif" && !HEIC_DECODABLE) {
    throw unsupported("HEIC photos cannot be read on this server yet. Export the photo as JPEG and upload that.");
  }
  return checkedImage(bytes, type);
}

/**
 * A client photo made safe to keep: the type decided from the bytes (JPEG, PNG, WebP, HEIC), the
 * pixel count capped before decoding, turned upright by its EXIF orientation, scaled to fit
 * `PHOTO_LIMITS.maxSide` and re-encoded as WebP. Sharp writes no metadata unless asked to, so EXIF
 * (GPS, camera, dates), XMP, ICC and anything appended to the file are left behind.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
  if (bytes.byteLength > PHOTO_LIMITS.maxBytes) {
    throw new AppError("payload_too_large", `The photo is larger than ${PHOTO_LIMITS.maxBytes / (1024 * 1024)} MB`);
  }
  const type = detectPhotoType(bytes);
  if (!type) throw unsupported();
  const image = await decodedImage(bytes, type);
  try {
    const { data, info } = await image
      .autoOrient()
      .resize({ width: PHOTO_LIMITS.maxSide, height: PHOTO_LIMITS.maxSide, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { body: new Uint8Array(data), contentType: "image/webp", width: info.width, height: info.height };
  } catch {
    throw unreadable();
  }
}
