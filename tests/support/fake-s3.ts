import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small S3-compatible server (path-style; PutObject, GetObject, HeadObject, ListObjectsV2 with
 * pagination, DeleteObject), in memory, so the real `@aws-sdk/client-s3` runs unchanged in tests.
 * Requests must be SigV4-signed with the configured access key id, as a real bucket requires.
 */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { body: Buffer; modified: Date }>;
  /** Page size for ListObjectsV2, small in tests to exercise continuation tokens. */
  pageSize: number;
  close(): Promise<void>;
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function xml(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

function s3Error(res: http.ServerResponse, status: number, code: string, message: string): void {
  xml(res, status, `<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`);
}

/** Undoes `aws-chunked` content encoding (the SDK's streaming uploads with trailing checksums). */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", offset);
    const size = parseInt(raw.subarray(offset, lineEnd).toString().split(";")[0] ?? "0", 16);
    if (!size) return Buffer.concat(parts);
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return String(req.headers["content-encoding"] ?? "").includes("aws-chunked") ? decodeAwsChunked(raw) : raw;
}

function listObjects(s3: FakeS3, query: URLSearchParams): string {
  const prefix = query.get("prefix") ?? "";
  const keys = [...s3.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  const after = query.get("continuation-token") ?? "";
  const remaining = keys.filter((key) => key > after);
  const page = remaining.slice(0, s3.pageSize);
  const truncated = remaining.length > page.length;
  const contents = page
    .map((key) => {
      const object = s3.objects.get(key) as { body: Buffer; modified: Date };
      const etag = createHash("md5").update(object.body).digest("hex");
      return `<Contents><Key>${xmlEscape(key)}</Key><LastModified>${object.modified.toISOString()}</LastModified><ETag>&quot;${etag}&quot;</ETag><Size>${object.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
    })
    .join("");
  return `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${s3.bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${s3.pageSize}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${xmlEscape(page.at(-1) ?? "")}</NextContinuationToken>` : ""}${contents}</ListBucketResult>`;
}

export async function startFakeS3(options: { bucket?: string; accessKeyId?: string } = {}): Promise<FakeS3> {
  const s3: FakeS3 = {
    endpoint: "",
    bucket: options.bucket ?? "omnicrm-backups",
    accessKeyId: options.accessKeyId ?? "AKIAFAKES3TEST",
    secretAccessKey: "fake-s3-secret-access-key",
    objects: new Map(),
    pageSize: 1000,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const [, bucket = "", ...rest] = url.pathname.split("/");
      const key = decodeURIComponent(rest.join("/"));
      const auth = String(req.headers.authorization ?? "");
      if (!auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.includes(`Credential=${s3.accessKeyId}/`))
        return s3Error(
          res,
          403,
          "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.",
        );
      if (bucket !== s3.bucket) return s3Error(res, 404, "NoSuchBucket", `No bucket ${bucket}`);
      if (req.method === "GET" && !key && url.searchParams.get("list-type") === "2")
        return xml(res, 200, listObjects(s3, url.searchParams));
      if (req.method === "PUT" && key) {
        const body = await readBody(req);
        s3.objects.set(key, { body, modified: new Date() });
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` });
        return res.end();
      }
      const object = s3.objects.get(key);
      if ((req.method === "GET" || req.method === "HEAD") && key) {
        if (!object) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, {
          "content-length": object.body.length,
          "content-type": "application/octet-stream",
          "last-modified": object.modified.toUTCString(),
        });
        return res.end(req.method === "GET" ? object.body : undefined);
      }
      if (req.method === "DELETE" && key) {
        s3.objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      s3Error(res, 400, "NotImplemented", `${req.method} ${url.pathname} is not supported by the fake`);
    })().catch((error: unknown) => s3Error(res, 500, "InternalError", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  s3.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s3.close = () => new Promise((resolve) => server.close(() => resolve()));
  return s3;
}
