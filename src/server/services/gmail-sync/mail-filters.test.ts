import { describe, expect, it } from "vitest";
import { isBlocked, isExcluded, participantsOf } from "./mail-filters";

describe("mail filters", () => {
  it("blocks an exact address or a whole @domain, nothing else", () => {
    expect(isBlocked("Sam@Example.com", ["sam@example.com"])).toBe(true);
    expect(isBlocked("sam@example.com", ["@example.com"])).toBe(true);
    expect(isBlocked("sam@sub.example.com", ["@example.com"])).toBe(false);
    expect(isBlocked("sam@example.community", ["@example.com"])).toBe(false);
    expect(isBlocked("xsam@example.com", ["sam@example.com"])).toBe(false);
  });

  it("excludes spam, trash, drafts and chats", () => {
    expect(isExcluded(["INBOX"])).toBe(false);
    expect(isExcluded(["INBOX", "TRASH"])).toBe(true);
    expect(isExcluded(["DRAFT"])).toBe(true);
  });

  it("lists the other parties once, without the practitioner or blocked addresses", () => {
    const message = {
      from: { name: null, email: "me@gmail.example" },
      to: [
        { name: null, email: "a@x.example" },
        { name: null, email: "b@blocked.example" },
      ],
      cc: [{ name: null, email: "a@x.example" }],
    } as Parameters<typeof participantsOf>[0];
    expect(participantsOf(message, "me@gmail.example", ["@blocked.example"])).toEqual(["a@x.example"]);
  });
});
