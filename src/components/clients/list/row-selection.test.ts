import { describe, expect, it } from "vitest";
import { toggledSelection } from "./row-selection";

const ids = ["a", "b", "c", "d", "e"];
const sorted = (set: Set<string>) => [...set].sort();

describe("toggledSelection", () => {
  it("toggles one row on a plain click", () => {
    expect(sorted(toggledSelection(new Set(), ids, 1, null, false))).toEqual(["b"]);
    expect(sorted(toggledSelection(new Set(["b", "c"]), ids, 1, 3, false))).toEqual(["c"]);
  });

  it("ticks the whole range on a shift-click, in either direction", () => {
    expect(sorted(toggledSelection(new Set(["b"]), ids, 3, 1, true))).toEqual(["b", "c", "d"]);
    expect(sorted(toggledSelection(new Set(["d"]), ids, 0, 3, true))).toEqual(["a", "b", "c", "d"]);
  });

  it("unticks the range when the clicked row was ticked", () => {
    expect(sorted(toggledSelection(new Set(ids), ids, 3, 1, true))).toEqual(["a", "e"]);
  });

  it("treats a shift-click without an anchor, or with one past the loaded rows, as a plain click", () => {
    expect(sorted(toggledSelection(new Set(), ids, 2, null, true))).toEqual(["c"]);
    expect(sorted(toggledSelection(new Set(), ids, 2, 9, true))).toEqual(["c"]);
  });

  it("leaves the selection alone for a row that is not loaded", () => {
    expect(sorted(toggledSelection(new Set(["a"]), ids, 7, 0, true))).toEqual(["a"]);
  });
});
