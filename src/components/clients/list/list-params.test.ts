import { describe, expect, it } from "vitest";
import {
  EMPTY_LIST_PARAMS,
  apiFilterQuery,
  apiListQuery,
  effectiveSort,
  isFiltered,
  pageQuery,
  parseListParams,
  sortedBy,
  withoutFilters,
} from "./list-params";

const TAG = "0b6f1c2e-8d4a-4f8e-9a51-2c3d4e5f6a7b";

describe("clients list URL", () => {
  it("round-trips every filter through the page URL", () => {
    const params = {
      ...EMPTY_LIST_PARAMS,
      q: "ana",
      stages: ["Core Client" as const, "VIP Client" as const],
      tag: TAG,
      sources: ["import" as const],
      hasEmail: true,
      hasPhone: false,
      newFromIntake: true,
      createdFrom: "2025-01-01",
      createdTo: "2025-01-31",
      sort: "created" as const,
      order: "asc" as const,
    };
    expect(parseListParams(new URLSearchParams(pageQuery(params)))).toEqual(params);
  });

  it("drops values that make no sense instead of failing", () => {
    const parsed = parseListParams(
      new URLSearchParams("stage=VIP Client,Nobody&tag=not-a-uuid&hasEmail=maybe&createdFrom=2025-02-30x&sort=size"),
    );
    expect(parsed).toEqual({ ...EMPTY_LIST_PARAMS, stages: ["VIP Client"] });
  });

  it("keeps stages in the contract's order whatever order the URL gives", () => {
    expect(parseListParams(new URLSearchParams("stage=Lost Client,Prospect")).stages).toEqual([
      "Prospect",
      "Lost Client",
    ]);
  });

  it("writes nothing for an empty view", () => {
    expect(pageQuery(EMPTY_LIST_PARAMS)).toBe("");
    expect(isFiltered(EMPTY_LIST_PARAMS)).toBe(false);
    expect(isFiltered({ ...EMPTY_LIST_PARAMS, q: "  " })).toBe(false);
    expect(isFiltered({ ...EMPTY_LIST_PARAMS, sort: "created" })).toBe(false);
    expect(isFiltered({ ...EMPTY_LIST_PARAMS, hasPhone: false })).toBe(true);
  });
});

describe("API query", () => {
  it("turns the created range into midnights in the practitioner's zone with the end day included", () => {
    const range = { ...EMPTY_LIST_PARAMS, createdFrom: "2025-03-01", createdTo: "2025-03-31" };
    const query = apiFilterQuery(range, "America/New_York");
    expect(query.get("createdFrom")).toBe("2025-03-01T05:00:00.000Z");
    // New York is on daylight time by 1 April: its midnight is an hour earlier in UTC.
    expect(query.get("createdTo")).toBe("2025-04-01T04:00:00.000Z");
    expect(apiFilterQuery(range, "Asia/Tokyo").get("createdFrom")).toBe("2025-02-28T15:00:00.000Z");
  });

  it("never asks for relevance without a search", () => {
    expect(apiListQuery({ ...EMPTY_LIST_PARAMS, sort: "relevance" }, "UTC").has("sort")).toBe(false);
    expect(apiListQuery({ ...EMPTY_LIST_PARAMS, q: "ana", sort: "relevance" }, "UTC").get("sort")).toBe("relevance");
  });

  it("keeps the sort out of the filters that count and export share", () => {
    const params = {
      ...EMPTY_LIST_PARAMS,
      stages: ["Prospect" as const],
      sort: "updated" as const,
      order: "asc" as const,
    };
    expect(apiFilterQuery(params, "UTC").toString()).toBe("stage=Prospect");
    expect(apiListQuery(params, "UTC").toString()).toBe("stage=Prospect&sort=updated&order=asc");
  });
});

describe("sorting", () => {
  it("defaults to name, or relevance while searching", () => {
    expect(effectiveSort(EMPTY_LIST_PARAMS)).toEqual({ sort: "name", order: "asc" });
    expect(effectiveSort({ ...EMPTY_LIST_PARAMS, q: "an" })).toEqual({ sort: "relevance", order: "asc" });
    expect(effectiveSort({ ...EMPTY_LIST_PARAMS, sort: "relevance" })).toEqual({ sort: "name", order: "asc" });
  });

  it("flips the current column and starts another at its natural order", () => {
    const byName = sortedBy(EMPTY_LIST_PARAMS, "name");
    expect(effectiveSort(byName)).toEqual({ sort: "name", order: "desc" });
    const byCreated = sortedBy(byName, "created");
    expect(effectiveSort(byCreated)).toEqual({ sort: "created", order: "desc" });
    expect(effectiveSort(sortedBy(byCreated, "created"))).toEqual({ sort: "created", order: "asc" });
  });

  it("clearing filters keeps a column sort but not relevance", () => {
    expect(withoutFilters({ ...EMPTY_LIST_PARAMS, q: "x", sort: "created", order: "asc" })).toEqual({
      ...EMPTY_LIST_PARAMS,
      sort: "created",
      order: "asc",
    });
    expect(withoutFilters({ ...EMPTY_LIST_PARAMS, q: "x", sort: "relevance" }).sort).toBeNull();
  });
});
