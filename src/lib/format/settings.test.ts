import { describe, expect, it } from "vitest";
import { isTimeZone, localeFromAcceptLanguage, localeHourCycle, timeZoneNames } from "./settings";

describe("time zones", () => {
  it("accepts IANA names and their aliases, refuses offsets and inventions", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Calcutta")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("+01:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(`Europe/${"x".repeat(80)}`)).toBe(false);
  });

  it("the picker lists UTC and the IANA zones", () => {
    const names = timeZoneNames();
    expect(names).toContain("UTC");
    expect(names).toContain("Pacific/Auckland");
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("locales", () => {
  it("takes the most preferred language the runtime supports", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(localeFromAcceptLanguage("en;q=0.5, fr-FR;q=0.9")).toBe("fr-FR");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });

  it("knows each locale's usual clock", () => {
    expect(localeHourCycle("en-US")).toBe("h12");
    expect(localeHourCycle("en-GB")).toBe("h23");
    expect(localeHourCycle("de-DE")).toBe("h23");
  });
});
