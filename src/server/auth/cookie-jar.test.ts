import { describe, expect, it } from "vitest";
import { isHttps, memoryCookieJar, requestCookieJar } from "./cookie-jar";

describe("isHttps", () => {
  it("trusts the platform's x-forwarded-proto over the URL, and falls back to the URL", () => {
    expect(isHttps("http://app/", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps("https://app/", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttps("https://app/", new Headers({ "x-forwarded-proto": "HTTPS, http" }))).toBe(true);
    expect(isHttps("https://app/", new Headers())).toBe(true);
    expect(isHttps("http://app/", new Headers())).toBe(false);
    expect(isHttps(null, new Headers())).toBe(false);
  });
});

describe("requestCookieJar", () => {
  it("reads the request's cookies and writes Set-Cookie lines to the response headers", () => {
    const request = new Request("https://crm.example.com/x", { headers: { cookie: "a=1; b=two%20words" } });
    const headers = new Headers();
    const jar = requestCookieJar(request, headers);
    expect(jar.secure).toBe(true);
    expect(jar.getAll()).toEqual([
      { name: "a", value: "1" },
      { name: "b", value: "two words" },
    ]);
    jar.set("c", "3", { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 60 });
    jar.set("a", "", { path: "/", maxAge: 0 });
    expect(headers.getSetCookie()).toEqual([
      "c=3; Max-Age=60; Path=/; HttpOnly; Secure; SameSite=Lax",
      "a=; Max-Age=0; Path=/",
    ]);
    expect(jar.get("c")).toBe("3");
    expect(jar.get("a")).toBeUndefined();
  });

  it("is one jar per request: cookies set before the response headers exist are delivered when they are given", () => {
    const request = new Request("http://localhost/x");
    const early = requestCookieJar(request);
    early.set("renewed", "yes", { path: "/" });
    const headers = new Headers();
    const late = requestCookieJar(request, headers);
    expect(late.get("renewed")).toBe("yes");
    expect(headers.getSetCookie()).toEqual(["renewed=yes; Path=/"]);
    late.set("later", "1", { path: "/" });
    expect(headers.getSetCookie()).toHaveLength(2);
  });
});

describe("memoryCookieJar", () => {
  it("keeps cookies to itself", () => {
    const jar = memoryCookieJar(false);
    jar.set("x", "1", {});
    expect(jar.getAll()).toEqual([{ name: "x", value: "1" }]);
    jar.set("x", "", { maxAge: 0 });
    expect(jar.get("x")).toBeUndefined();
  });
});
