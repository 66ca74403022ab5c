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
