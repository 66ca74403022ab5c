import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeLike, searchTerms } from "./contact-search";

describe("searchTerms", () => {
  it("matches names anywhere, at the start, and at the start of a later word", () => {
    expect(searchTerms("  Ann  ")).toEqual({
      nameContains: "%Ann%",
      namePrefix: "Ann%",
      nameWordPrefix: "% Ann%",
      emailContains: "%ann%",
      noteWords: ["ann"],
    });
  });

  it("searches phone digits only when the text looks like part of a phone number", () => {
    expect(searchTerms("(415) 555-01")?.phoneDigitsContains).toBe("%41555501%");
    expect(searchTerms("+44 20")?.phoneDigitsContains).toBe("%4420%");
    expect(searchTerms("55")?.phoneDigitsContains).toBeUndefined();
    expect(searchTerms("room 101")?.phoneDigitsContains).toBeUndefined();
  });

  it("leaves out the email pattern when the text has a space, and short words from note search", () => {
    const terms = searchTerms("lower back ok");
    expect(terms?.emailContains).toBeUndefined();
    expect(terms?.noteWords).toEqual(["lower", "back"]);
    expect(searchTerms("ok")?.noteWords).toBeUndefined();
    expect(searchTerms("   ")).toBeUndefined();
  });

  it("keeps only words of letters and digits for note search, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const words = searchTerms(text)?.noteWords;
        if (words === undefined) return;
        expect(words.length).toBeLessThanOrEqual(8);
        for (const word of words) expect(word).toMatch(/^[\p{L}\p{N}]{3,}$/u);
      }),
    );
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character itself", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });

  it("leaves no unescaped wildcard", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const unescaped = escapeLike(text).replace(/\\[\\%_]/g, "");
        expect(unescaped).not.toMatch(/[%_\\]/);
      }),
    );
  });
});
