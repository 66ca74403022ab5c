import { Readable } from "node:stream";

/**
 * A request body's chunks, failing with `tooLarge()` as soon as more than `maxBytes` have arrived,
 * so an oversized upload is never read further (the declared length may be absent or false).
 */
export async function* cappedChunks(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      if (received > maxBytes) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The capped body as a Node stream, for parsers that read streams (multipart). */
export function cappedStream(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Readable {
  return Readable.from(cappedChunks(body, maxBytes, tooLarge), { objectMode: false });
}

/** The whole capped body in memory. */
export async function readCappedBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of cappedChunks(body, maxBytes, tooLarge)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
