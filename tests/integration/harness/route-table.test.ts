import { describe, expect, it } from "vitest";
import { resolveRoute } from "../../support/route-table";

describe("the test route table resolves URLs the way Next's router does", () => {
  it.each([
    ["/api/contacts", "/src/app/api/contacts/route.ts", {}],
    ["/api/contacts/count", "/src/app/api/contacts/count/route.ts", {}],
    ["/api/contacts/c-1", "/src/app/api/contacts/[id]/route.ts", { id: "c-1" }],
    ["/api/contacts/c%201/merge", "/src/app/api/contacts/[id]/merge/route.ts", { id: "c 1" }],
    ["/api/nothing/here", "/src/app/api/[...path]/route.ts", { path: ["nothing", "here"] }],
    ["/auth/callback", "/src/app/auth/callback/route.ts", {}],
  ])("%s → %s", (pathname, file, params) => {
    expect(resolveRoute(pathname)).toEqual({ file, params });
  });

  it("serves nothing outside the route files", () => {
    expect(resolveRoute("/clients")).toBeUndefined();
  });
});
