import { describe, expect, it } from "vitest";
import { nextTagColors, TAG_COLOR_PRESETS } from "./tag-colors";

const presets = TAG_COLOR_PRESETS.map((preset) => preset.value);

describe("nextTagColors", () => {
  it("gives a first tags in preset order, each a different colour", () => {
    expect(nextTagColors([], 3)).toEqual(presets.slice(0, 3));
  });

  it("picks the preset used least, ignoring letter case and colours outside the presets", () => {
    const inUse = [...presets.map((color) => color.toUpperCase()), presets[0] ?? "", "#123456"];
    expect(nextTagColors(inUse)).toEqual([presets[1]]);
  });

  it("goes round the presets again once each is taken", () => {
    expect(nextTagColors([], presets.length + 1)).toEqual([...presets, presets[0]]);
  });
});
