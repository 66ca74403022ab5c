import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import {
  commandFromPath,
  encodeReply,
  errorMessage,
  normaliseReply,
  parseCommand,
  parseCommandList,
  type RedisCommand,
  type UpstashAnswer,
} from "./fake-upstash-protocol";

/**
 * A small server speaking the Upstash Redis REST protocol over a real Redis, so the real
 * `@upstash/redis` client (and `@upstash/ratelimit` on top of it) runs unchanged in tests and in
 * docker-compose: `tsx tests/support/fake-upstash.ts --port 8079 --redis redis://127.0.0.1:6379 --token T`.
 */

/** `refuse` drops every connection at once (store unreachable); `stall` never answers (store hanging). */
export type FakeUpstashFault = "none" | "refuse" | "stall";

export interface FakeUpstashOptions {
  redisUrl: string;
  token: string;
  port?: number;
  host?: string;
}

export interface FakeUpstash {
  url: string;
  token: string;
  /** Commands forwarded to Redis so far. */
  readonly commandCount: number;
  setFault(fault: FakeUpstashFault): void;
  close(): Promise<void>;
}

type Route = (body: unknown) => Promise<{ status: number; answer: UpstashAnswer | UpstashAnswer[] }>;

export async function startFakeUpstash(options: FakeUpstashOptions): Promise<FakeUpstash> {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 });
  let fault: FakeUpstashFault = "none";
  let commandCount = 0;

  const single = async (command: RedisCommand): Promise<UpstashAnswer> => {
    commandCount += 1;
    try {
      return { result: normaliseReply(await redis.call(...command)) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
  };

  const batch = async (commands: RedisCommand[], transaction: boolean): Promise<UpstashAnswer[]> => {
    commandCount += commands.length;
    const queue = transaction ? redis.multi() : redis.pipeline();
    for (const command of commands) queue.call(...command);
    const results = await queue.exec();
    if (!results) throw new Error("EXECABORT Transaction discarded");
    return results.map(([error, result]) =>
      error ? { error: errorMessage(error) } : { result: normaliseReply(result) },
    );
  };

  const routes: Record<string, Route> = {
    "/": async (body) => {
      const answer = await single(parseCommand(body));
      return { status: answer.error === undefined ? 200 : 400, answer };
    },
    "/pipeline": async (body) => ({ status: 200, answer: await batch(parseCommandList(body), false) }),
    "/multi-exec": async (body) => ({ status: 200, answer: await batch(parseCommandList(body), true) }),
  };

  const server = http.createServer((request, response) => {
    if (fault === "refuse") return void request.socket.destroy();
    if (fault === "stall") return;
    void answer(request, response).catch((error: unknown) => send(response, 400, { error: errorMessage(error) }));
  });

  const answer = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      return send(response, 401, { error: "Unauthorized" });
    }
    const base64 = String(request.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const { pathname } = new URL(request.url ?? "/", "http://fake-upstash");
    const route = request.method === "POST" ? routes[pathname] : undefined;
    const outcome = route
      ? await route(await readJson(request))
      : await single(commandFromPath(pathname)).then((reply) => ({ status: reply.error ? 400 : 200, answer: reply }));
    send(response, outcome.status, encodeAnswer(outcome.answer, base64));
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    token: options.token,
    get commandCount() {
      return commandCount;
    },
    setFault(next) {
      fault = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit();
    },
  };
}

function encodeAnswer(answer: UpstashAnswer | UpstashAnswer[], base64: boolean): UpstashAnswer | UpstashAnswer[] {
  const encode = ({ result, error }: UpstashAnswer): UpstashAnswer =>
    error === undefined ? { result: encodeReply(result ?? null, base64) } : { error };
  return Array.isArray(answer) ? answer.map(encode) : encode(answer);
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new Error("ERR the request body is not valid JSON");
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8079" },
      host: { type: "string", default: "127.0.0.1" },
      redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
      token: { type: "string", default: process.env.UPSTASH_REDIS_REST_TOKEN ?? "" },
    },
  });
  if (!values.token) throw new Error("Give the bearer token with --token or UPSTASH_REDIS_REST_TOKEN");
  const fake = await startFakeUpstash({
    redisUrl: values.redis,
    token: values.token,
    port: Number(values.port),
    host: values.host,
  });
  process.stdout.write(`Upstash-compatible REST server on ${fake.url}, forwarding to ${values.redis}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  });
}
