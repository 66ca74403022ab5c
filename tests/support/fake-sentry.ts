import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";

/** One envelope as Sentry's ingest receives it: a header line, then item header / payload pairs. */
export interface SentryEnvelope {
  header: Record<string, unknown>;
  items: Array<{ header: { type: string } & Record<string, unknown>; payload: unknown }>;
  /** The decoded body exactly as sent, for "this value never left the process" assertions. */
  raw: string;
}

export interface FakeSentry {
  /** A DSN pointing at this server: `http://<key>@127.0.0.1:<port>/<project>`. */
  dsn: string;
  readonly envelopes: readonly SentryEnvelope[];
  /** Resolves once `count` envelopes have arrived, or rejects after `timeoutMs`. */
  waitForEnvelopes(count: number, timeoutMs?: number): Promise<readonly SentryEnvelope[]>;
  close(): Promise<void>;
}

const PROJECT_ID = "1";
const PUBLIC_KEY = "omnicrmtestkey";

/**
 * A small server speaking Sentry's envelope ingest protocol (`POST /api/<project>/envelope/`), so
 * the real SDK sends to it unchanged. It only records: tests assert what did and did not arrive.
 */
export async function startFakeSentry(): Promise<FakeSentry> {
  const envelopes: SentryEnvelope[] = [];
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url?.startsWith(`/api/${PROJECT_ID}/envelope/`)) {
        envelopes.push(parseEnvelope(decode(Buffer.concat(chunks), request.headers["content-encoding"])));
        for (const wake of waiters) wake();
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    dsn: `http://${PUBLIC_KEY}@127.0.0.1:${port}/${PROJECT_ID}`,
    envelopes,
    waitForEnvelopes: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (envelopes.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(envelopes);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} Sentry envelope(s), received ${envelopes.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  if (encoding === "deflate") return inflateSync(body).toString("utf8");
  return body.toString("utf8");
}

/** Items are newline-separated JSON; an item header with `length` may carry a payload containing newlines. */
export function parseEnvelope(raw: string): SentryEnvelope {
  const buffer = Buffer.from(raw, "utf8");
  let offset = 0;
  const readLine = (): string => {
    const end = buffer.indexOf(10, offset);
    const line = buffer.subarray(offset, end === -1 ? buffer.length : end).toString("utf8");
    offset = end === -1 ? buffer.length : end + 1;
    return line;
  };
  const header = JSON.parse(readLine()) as Record<string, unknown>;
  const items: SentryEnvelope["items"] = [];
  while (offset < buffer.length) {
    const line = readLine();
    if (line.trim() === "") continue;
    const itemHeader = JSON.parse(line) as SentryEnvelope["items"][number]["header"];
    let payloadText: string;
    if (typeof itemHeader.length === "number") {
      payloadText = buffer.subarray(offset, offset + itemHeader.length).toString("utf8");
      offset += itemHeader.length + 1;
    } else {
      payloadText = readLine();
    }
    let payload: unknown = payloadText;
    try {
      payload = JSON.parse(payloadText);
    } catch {
      // Attachments are not JSON; they stay text.
    }
    items.push({ header: itemHeader, payload });
  }
  return { header, items, raw };
}
