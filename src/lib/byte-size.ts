import { formatCount } from "@/lib/format/numbers";

const UNITS = [
  { size: 1024 * 1024, name: "MB" },
  { size: 1024, name: "KB" },
] as const;

/** A size limit in the largest unit that divides it (10485760 → "10 MB"), for messages people read. */
export function byteSizeText(bytes: number): string {
  const unit = UNITS.find(({ size }) => bytes >= size && bytes % size === 0);
  return unit ? `${bytes / unit.size} ${unit.name}` : `${formatCount(bytes)} bytes`;
}
