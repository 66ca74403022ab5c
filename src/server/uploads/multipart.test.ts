import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { readMultipart, type MultipartSpec } from "./multipart";

const SPEC = {
  files: { file: { maxBytes: 10, required: "Choose a file", tooLarge: "The file is over 10 bytes" } },
  fields: { note: { maxBytes: 5, tooLarge: "The note is over 5 bytes" } },
  unsupported: "Send multipart/form-data",
} as const satisfies MultipartSpec;

async function sourceOf(form: FormData) {
  const request = new Request("http://localhost/upload", { method: "POST", body: form });
  return {
    contentType: request.headers.get("content-type"),
    contentLength: request.headers.get("content-length"),
    body: request.body,
  };
}

function formWith(parts: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === "string") form.set(name, value);
    else form.set(name, value, "upload.txt");
  }
  return form;
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  const { code, message, details } = error as AppError;
  return { code, message, details };
}

describe("readMultipart", () => {
  it("reads the declared parts and skips the others", async () => {
    const form = await readMultipart(
      await sourceOf(formWith({ file: new Blob(["hello"]), note: "hi", other: "ignored" })),
      SPEC,
    );
    expect(form.files.file?.fileName).toBe("upload.txt");
    expect(form.files.file?.bytes.toString()).toBe("hello");
    expect(form.fields).toEqual({ note: "hi" });
  });

  it("refuses a file part over its own cap with its message on its path", async () => {
    const error = await refusal(readMultipart(await sourceOf(formWith({ file: new Blob(["x".repeat(11)]) })), SPEC));
    expect(error).toEqual({
      code: "payload_too_large",
      message: "The file is over 10 bytes",
      details: [{ path: "file", message: "The file is over 10 bytes" }],
    });
  });

  it("refuses a text part over its cap", async () => {
    const error = await refusal(
      readMultipart(await sourceOf(formWith({ file: new Blob(["a"]), note: "123456" })), SPEC),
    );
    expect(error.code).toBe("payload_too_large");
    expect(error.details).toEqual([{ path: "note", message: "The note is over 5 bytes" }]);
  });

  it("refuses a missing required part with 422 on its path", async () => {
    const error = await refusal(readMultipart(await sourceOf(formWith({ note: "hi" })), SPEC));
    expect(error).toMatchObject({ code: "validation_failed", details: [{ path: "file", message: "Choose a file" }] });
  });

  it("refuses another media type with the route's own words, and a declared length over the total before reading", async () => {
    expect(
      (await refusal(readMultipart({ contentType: "application/json", contentLength: "2", body: null }, SPEC))).code,
    ).toBe("unsupported_media_type");
    const declared = await refusal(
      readMultipart({ contentType: "multipart/form-data; boundary=x", contentLength: "999999999", body: null }, SPEC),
    );
    expect(declared.code).toBe("payload_too_large");
  });

  it("refuses a body cut off mid-part as malformed", async () => {
    const boundary = "b0undary";
    const text = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`;
    const error = await refusal(
      readMultipart(
        {
          contentType: `multipart/form-data; boundary=${boundary}`,
          contentLength: null,
          body: new Response(text).body,
        },
        SPEC,
      ),
    );
    expect(error.code).toBe("bad_request");
  });
});
