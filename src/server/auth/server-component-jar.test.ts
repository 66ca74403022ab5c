import { describe, expect, it } from "vitest";
import type { CookieOptions } from "./cookie-jar";
import { serverComponentCookieJar, type NextCookieStore } from "./server-component-jar";

function store(initial: Record<string, string>, writable: boolean): NextCookieStore & { written: string[] } {
  const values = new Map(Object.entries(initial));
  const written: string[] = [];
  return {
    written,
    get: (name) => (values.has(name) ? { value: values.get(name) as string } : undefined),
    getAll: () => [...values].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, _options: CookieOptions) => {
      if (!writable) throw new Error("Cookies can only be modified in a Server Action or Route Handler.");
      written.push(`${name}=${value}`);
      values.set(name, value);
    },
  };
}

describe("serverComponentCookieJar", () => {
  it("reads Next's cookie store and takes HTTPS from x-forwarded-proto", () => {
    const jar = serverComponentCookieJar(
      store({ omnicrm_session: "t" }, true),
      new Headers({ "x-forwarded-proto": "https" }),
    );
    expect(jar.secure).toBe(true);
    expect(jar.get("omnicrm_session")).toBe("t");
    expect(jar.get("missing")).toBeUndefined();
    expect(jar.getAll()).toEqual([{ name: "omnicrm_session", value: "t" }]);
    expect(serverComponentCookieJar(store({}, true), new Headers()).secure).toBe(false);
  });

  it("writes where Next allows it (server actions) and ignores the refusal in Server Components", () => {
    const writable = store({}, true);
    serverComponentCookieJar(writable, new Headers()).set("a", "1", { path: "/" });
    expect(writable.written).toEqual(["a=1"]);
    const readOnly = store({}, false);
    expect(() => serverComponentCookieJar(readOnly, new Headers()).set("a", "1", { path: "/" })).not.toThrow();
    expect(readOnly.written).toEqual([]);
  });
});
