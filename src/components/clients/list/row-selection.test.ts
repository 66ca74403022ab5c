import { describe, expect, it } from "vitest";
import { matchingOffer, toggledSelection } from "./row-selection";

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

describe("matchingOffer", () => {
  const all = { selected: new Set(ids), matchingCount: null };

  it("offers every matching client once all loaded rows are ticked and more match", () => {
    expect(matchingOffer(all, ids, 130)).toEqual({ kind: "offer", total: 130 });
    expect(matchingOffer(all, ids, 1000)).toEqual({ kind: "offer", total: 1000 });
  });

  it("says why not when more match than one bulk action takes", () => {
    expect(matchingOffer(all, ids, 1001)).toEqual({ kind: "tooMany", total: 1001 });
  });

  it("offers nothing while some loaded rows are unticked, all are loaded, the count is unknown or already chosen", () => {
    expect(matchingOffer({ selected: new Set(["a"]), matchingCount: null }, ids, 130)).toBeNull();
    expect(matchingOffer(all, ids, 5)).toBeNull();
    expect(matchingOffer(all, ids, undefined)).toBeNull();
    expect(matchingOffer({ ...all, matchingCount: 130 }, ids, 130)).toBeNull();
  });
});
