/** The image formats a client photo may arrive in, decided from the file's first bytes. */
export type PhotoType = "jpeg" | "png" | "webp" | "heif";

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** ISO-BMFF brands of HEVC-coded HEIF (iPhone photos); AVIF shares the container but is not accepted. */
const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);

/** The major brand and compatible brands of an ISO-BMFF `ftyp` box at the start of the file. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== "ftyp") return [];
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(boxSize, bytes.length, 256);
  const brands = [ascii(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, 4));
  return brands;
}

/** Signature checks in order; the first match decides. */
const SIGNATURES: { type: PhotoType; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: "jpeg", matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { type: "png", matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "webp", matches: (bytes) => ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP" },
  { type: "heif", matches: (bytes) => ftypBrands(bytes).some((brand) => HEIC_BRANDS.has(brand)) },
];

/** The photo's format from its content (never its name or declared type), or null for anything else. */
export function detectPhotoType(bytes: Uint8Array): PhotoType | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}
