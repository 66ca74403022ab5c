import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeObject {
  id: string;
  bytes: Buffer;
  contentType: string;
  createdAt: string;
}

export interface FakeBucket {
  public: boolean;
  objects: Map<string, FakeObject>;
}

export interface FakeSupabaseStorage {
  /** The project URL to give supabase-js (it appends `/storage/v1`). */
  url: string;
  buckets: Map<string, FakeBucket>;
  /** `METHOD /path` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  json?: unknown;
  bytes?: Buffer;
  contentType?: string;
}

interface IncomingCall {
  method: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (match: RegExpExecArray, call: IncomingCall) => Reply;

// Supabase Storage's legacy error shape: HTTP 400 with the real status as a string in the body.
const failure = (statusCode: string, error: string, message: string): Reply => ({
  status: 400,
  json: { statusCode, error, message },
});

function fileEntry(name: string, object: FakeObject) {
  return {
    name,
    id: object.id,
    updated_at: object.createdAt,
    created_at: object.createdAt,
    last_accessed_at: object.createdAt,
    metadata: { size: object.bytes.length, mimetype: object.contentType },
  };
}

/**
 * A small server answering the Supabase Storage endpoints supabase-js uses for buckets, upload,
 * download, list and remove, with the same URL shapes, auth headers and error bodies.
 */
export async function startFakeSupabaseStorage(options: { secretKey: string }): Promise<FakeSupabaseStorage> {
  const buckets = new Map<string, FakeBucket>();
  const requests: string[] = [];
  const bucketOf = (id: string) => buckets.get(decodeURIComponent(id));
  const objectName = (raw: string) => raw.split("/").map(decodeURIComponent).join("/");

  function listing(bucket: FakeBucket, prefix: string, limit: number, offset: number) {
    const folder = prefix === "" ? "" : `${prefix.replace(/\/$/, "")}/`;
    const entries = new Map<string, ReturnType<typeof fileEntry> | { name: string; id: null; metadata: null }>();
    for (const [name, object] of bucket.objects) {
      if (!name.startsWith(folder)) continue;
      const rest = name.slice(folder.length);
      const [first] = rest.split("/") as [string];
      entries.set(first, first === rest ? fileEntry(rest, object) : { name: first, id: null, metadata: null });
    }
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(offset, offset + limit);
  }

  // POST creates (overwriting only with `x-upsert: true`), PUT replaces.
  const upload: Handler = ([, bucketId = "", raw = ""], { method, headers, body }) => {
    const bucket = bucketOf(bucketId);
    if (!bucket) return failure("404", "Bucket not found", "Bucket not found");
    const name = objectName(raw);
    const upsert = method === "PUT" || headers["x-upsert"] === "true";
    if (bucket.objects.has(name) && !upsert) return failure("409", "Duplicate", "The resource already exists");
    const object = {
      id: randomUUID(),
      bytes: body,
      contentType: headers["content-type"] ?? "application/octet-stream",
      createdAt: new Date().toISOString(),
    };
    bucket.objects.set(name, object);
    return { status: 200, json: { Id: object.id, Key: `${decodeURIComponent(bucketId)}/${name}` } };
  };

  const routes: [string, RegExp, Handler][] = [
    [
      "GET",
      /^\/storage\/v1\/bucket\/([^/]+)$/,
      ([, id = ""]) => {
        const bucket = bucketOf(id);
        if (!bucket) return failure("404", "Bucket not found", "Bucket not found");
        const name = decodeURIComponent(id);
        return { status: 200, json: { id: name, name, owner: "", public: bucket.public, file_size_limit: null } };
      },
    ],
    [
      "POST",
      /^\/storage\/v1\/bucket$/,
      (_, { body }) => {
        const { id, public: isPublic } = JSON.parse(body.toString("utf8")) as { id: string; public: boolean };
        if (buckets.has(id)) return failure("409", "Duplicate", "The resource already exists");
        buckets.set(id, { public: isPublic, objects: new Map() });
        return { status: 200, json: { name: id } };
      },
    ],
    [
      "POST",
      /^\/storage\/v1\/object\/list\/([^/]+)$/,
      ([, id = ""], { body }) => {
        const bucket = bucketOf(id);
        if (!bucket) return failure("404", "Bucket not found", "Bucket not found");
        const search = JSON.parse(body.toString("utf8")) as { prefix: string; limit: number; offset: number };
        return { status: 200, json: listing(bucket, search.prefix, search.limit, search.offset) };
      },
    ],
    [
      "DELETE",
      /^\/storage\/v1\/object\/([^/]+)$/,
      ([, id = ""], { body }) => {
        const bucket = bucketOf(id);
        if (!bucket) return failure("404", "Bucket not found", "Bucket not found");
        const { prefixes } = JSON.parse(body.toString("utf8")) as { prefixes: string[] };
        const removed = prefixes.flatMap((name) => {
          const object = bucket.objects.get(name);
          bucket.objects.delete(name);
          return object ? [fileEntry(name, object)] : [];
        });
        return { status: 200, json: removed };
      },
    ],
    ["POST", /^\/storage\/v1\/object\/([^/]+)\/(.+)$/, upload],
    ["PUT", /^\/storage\/v1\/object\/([^/]+)\/(.+)$/, upload],
    [
      "GET",
      /^\/storage\/v1\/object\/([^/]+)\/(.+)$/,
      ([, id = "", raw = ""]) => {
        const object = bucketOf(id)?.objects.get(objectName(raw));
        if (!object) return failure("404", "not_found", "Object not found");
        return { status: 200, bytes: object.bytes, contentType: object.contentType };
      },
    ],
  ];

  function route(method: string, pathname: string, headers: http.IncomingHttpHeaders, body: Buffer): Reply {
    if (headers.apikey !== options.secretKey || headers.authorization !== `Bearer ${options.secretKey}`) {
      return failure("403", "Unauthorized", "Invalid Compact JWS");
    }
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(pathname);
      if (match && routeMethod === method) return handler(match, { method, headers, body });
    }
    return { status: 404, json: { statusCode: "404", error: "Not Found", message: `No route ${method} ${pathname}` } };
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
      requests.push(`${request.method ?? "GET"} ${pathname}`);
      const reply = route(request.method ?? "GET", pathname, request.headers, Buffer.concat(chunks));
      if (reply.bytes) {
        response.writeHead(reply.status, { "content-type": reply.contentType ?? "application/octet-stream" });
        response.end(reply.bytes);
        return;
      }
      response.writeHead(reply.status, { "content-type": "application/json" });
      response.end(JSON.stringify(reply.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    buckets,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
