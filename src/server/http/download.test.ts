import { describe, expect, it } from "vitest";
import { downloadResponse } from "./download";

describe("downloadResponse", () => {
  it("names an attachment with an ASCII fallback and the UTF-8 name, never cached or sniffed", async () => {
    const response = downloadResponse(
      {
        body: new TextEncoder().encode("a,b\n"),
        contentType: "text/csv; charset=utf-8",
        fileName: 'Ångström "clients".csv',
      },
      new Headers({ "x-request-id": "r1" }),
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Angstrom _clients_.csv"; filename*=UTF-8''%C3%85ngstr%C3%B6m%20%22clients%22.csv`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.text()).toBe("a,b\n");
  });

  it("sends only the plain name when it is ASCII already", () => {
    const response = downloadResponse(
      { body: new Uint8Array(1), contentType: "application/zip", fileName: "export.zip" },
      new Headers(),
    );
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="export.zip"');
  });

  it("shows a file without a name in place, with its length when known", () => {
    const response = downloadResponse({ body: new Uint8Array(3), contentType: "image/webp", size: 3 }, new Headers());
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(response.headers.get("content-length")).toBe("3");
  });
});
