/** What a route streams back as a file: the bytes, their type and how the browser should treat them. */
export interface Download {
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
  contentType: string;
  /** Saved under this name (attachment); without one the file is shown in place (inline). */
  fileName?: string;
  /** Sent as Content-Length when known (a stream's length usually is not). */
  size?: number;
}

/**
 * The one way a route answers with a file: typed, never cached, never sniffed, and named with an
 * ASCII name, plus the UTF-8 one (RFC 6266) when they differ, so an accented name survives the download.
 * `headers` are the route's response headers (rate-limit and request id headers stay on).
 */
export function downloadResponse(download: Download, headers: Headers): Response {
  const answer = new Headers(headers);
  answer.set("content-type", download.contentType);
  answer.set("cache-control", "private, no-store");
  answer.set("x-content-type-options", "nosniff");
  answer.set("content-disposition", disposition(download.fileName));
  if (download.size !== undefined) answer.set("content-length", String(download.size));
  return new Response(download.body, { status: 200, headers: answer });
}

function disposition(fileName: string | undefined): string {
  if (fileName === undefined) return "inline";
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "download";
  const plain = `attachment; filename="${ascii}"`;
  return ascii === fileName ? plain : `${plain}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
