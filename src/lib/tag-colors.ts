/** Ready-made tag colours: distinct from each other and visible on light and dark backgrounds. */
export const TAG_COLOR_PRESETS = [
  { name: "Slate", value: "#64748b" },
  { name: "Red", value: "#dc2626" },
  { name: "Orange", value: "#ea580c" },
  { name: "Amber", value: "#d97706" },
  { name: "Green", value: "#16a34a" },
  { name: "Teal", value: "#0d9488" },
  { name: "Blue", value: "#2563eb" },
  { name: "Violet", value: "#7c3aed" },
  { name: "Pink", value: "#db2777" },
] as const;

/**
 * Colours for `count` new tags: each the preset the practitioner's tags use least so far (ties in preset
 * order), so new tags come out distinct instead of all one grey.
 */
export function nextTagColors(colorsInUse: readonly string[], count = 1): string[] {
  const uses = new Map<string, number>(TAG_COLOR_PRESETS.map((preset) => [preset.value, 0]));
  for (const color of colorsInUse) {
    const key = color.toLowerCase();
    if (uses.has(key)) uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  const picked: string[] = [];
  for (let index = 0; index < count; index += 1) {
    let best: string = TAG_COLOR_PRESETS[0].value;
    for (const [color, used] of uses) if (used < (uses.get(best) ?? 0)) best = color;
    uses.set(best, (uses.get(best) ?? 0) + 1);
    picked.push(best);
  }
  return picked;
}
