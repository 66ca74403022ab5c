import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { inetLiteral, isUuid, parameterlessText, textLiteral, uuidLiteral } from "./sql-literal";

describe("sql literals for parameterless statements", () => {
  it("escapes quotes and backslashes in an E'' literal, drops NUL, and writes null", () => {
    expect(textLiteral("Mozilla/5.0 (it's)")).toBe("E'Mozilla/5.0 (it\\'s)'");
    expect(textLiteral("a\\'); drop table x; --")).toBe("E'a\\\\\\'); drop table x; --'");
    expect(textLiteral("a\0b")).toBe("E'ab'");
    expect(textLiteral(null)).toBe("null");
  });

  it("splices only uuids and addresses, and refuses fragments with parameters", () => {
    expect(uuidLiteral("0f79b58a-9b38-4123-a2cb-f6eccb641c01", "t")).toBe(
      "'0f79b58a-9b38-4123-a2cb-f6eccb641c01'::uuid",
    );
    expect(() => uuidLiteral("1' or '1'='1", "t")).toThrow();
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(inetLiteral("203.0.113.9")).toBe("'203.0.113.9'::inet");
    expect(inetLiteral("203.0.113.9'; --")).toBe("null");
    expect(parameterlessText(sql`c.id, ${sql`c.name`}`)).toBe("c.id, c.name");
    expect(() => parameterlessText(sql`c.id = ${"x"}`)).toThrow();
  });
});
