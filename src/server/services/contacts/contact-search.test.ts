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
      noteQuery: "ann:*",
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
    expect(terms?.noteQuery).toBe("lower:* & back:*");
    expect(searchTerms("ok")?.noteQuery).toBeUndefined();
    expect(searchTerms("   ")).toBeUndefined();
  });

  it("never lets tsquery syntax through, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const query = searchTerms(text)?.noteQuery;
        if (query === undefined) return;
        for (const term of query.split(" & ")) expect(term).toMatch(/^[\p{L}\p{N}]{3,}:\*$/u);
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
