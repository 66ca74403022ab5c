import http from "node:http";
import type { AddressInfo } from "node:net";

/** One chat completion request as the provider received it. */
export interface ReceivedChatRequest {
  path: string;
  authorization: string | undefined;
  /** The body exactly as sent, for "this value never left the server" assertions. */
  raw: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    stream?: boolean;
    max_tokens?: number;
  };
}

export interface FakeAiProvider {
  /** The value for AI_BASE_URL: `http://127.0.0.1:<port>/v1`. */
  baseURL: string;
  readonly requests: readonly ReceivedChatRequest[];
  /** Everything received, joined: assert that an identifier is absent from it. */
  receivedText(): string;
  /** The answer to every following request (default: a short summary naming each placeholder it was sent). */
  replyWith(answer: (request: ReceivedChatRequest) => string): void;
  /** The next `times` requests fail with this status and an OpenAI-shaped error body. */
  failNext(status: 401 | 429 | 500 | 502 | 503, times?: number): void;
  /** Usage the next answers report; `null` leaves usage out, as some servers do. */
  reportUsage(usage: { prompt: number; completion: number } | null | "counted"): void;
  reset(): void;
  close(): Promise<void>;
}

const ERROR_BODIES: Record<number, { message: string; type: string; code: string | null }> = {
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  429: { message: "Rate limit reached for requests.", type: "rate_limit_error", code: "rate_limit_exceeded" },
  500: { message: "The server had an error while processing your request.", type: "server_error", code: null },
  502: { message: "Bad gateway.", type: "server_error", code: null },
  503: { message: "The engine is currently overloaded.", type: "server_error", code: null },
};

const PLACEHOLDER = /\[[A-Z]+_\d+(?:_[A-Z]+(?:_\d+)?)?\]/g;

/** Names every distinct placeholder of the last message, so tests can see restoration at work. */
export function defaultAnswer(request: ReceivedChatRequest): string {
  const prompt = request.body.messages.at(-1)?.content ?? "";
  const placeholders = [...new Set(prompt.match(PLACEHOLDER) ?? [])];
  return `Summary for ${placeholders.join(", ") || "the client"}: sessions are going well. Open thread: follow up next visit.`;
}

const tokensOf = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/**
 * A small OpenAI-compatible server (`POST <base>/chat/completions`, plain JSON or streamed as
 * server-sent events, with usage), so the real `ai` SDK talks to it unchanged. It records every
 * request; tests decide its answers, its usage figures and its failures (401, 429, 5xx).
 */
export async function startFakeAiProvider(options: { port?: number; apiKey?: string } = {}): Promise<FakeAiProvider> {
  const requests: ReceivedChatRequest[] = [];
  let answer = defaultAnswer;
  let failures: { status: number; times: number } | null = null;
  let usage: { prompt: number; completion: number } | null | "counted" = "counted";

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "/";
      if (request.method !== "POST" || !path.endsWith("/chat/completions")) {
        response
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "Not found" } }));
        return;
      }
      const received: ReceivedChatRequest = {
        path,
        authorization: request.headers.authorization,
        raw,
        body: JSON.parse(raw) as ReceivedChatRequest["body"],
      };
      requests.push(received);

      const fail = (status: number) => {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (status === 429) headers["retry-after"] = "1";
        response.writeHead(status, headers).end(JSON.stringify({ error: ERROR_BODIES[status] }));
      };
      if (options.apiKey && received.authorization !== `Bearer ${options.apiKey}`) return fail(401);
      if (failures && failures.times > 0) {
        failures.times -= 1;
        return fail(failures.status);
      }

      const text = answer(received);
      const promptText = received.body.messages.map((message) => message.content).join("\n");
      const counted = usage === "counted" ? { prompt: tokensOf(promptText), completion: tokensOf(text) } : usage;
      const usageBody = counted && {
        prompt_tokens: counted.prompt,
        completion_tokens: counted.completion,
        total_tokens: counted.prompt + counted.completion,
      };
      const base = { id: `chatcmpl-${requests.length}`, created: 1_767_225_600, model: received.body.model };

      if (received.body.stream) {
        response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
        send({
          ...base,
          object: "chat.completion.chunk",
          choices: [{ index: 0, delta: { role: "assistant", content: "" } }],
        });
        for (const piece of text.match(/.{1,12}/gs) ?? []) {
          send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: piece } }] });
        }
        send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
        if (usageBody) send({ ...base, object: "chat.completion.chunk", choices: [], usage: usageBody });
        response.end("data: [DONE]\n\n");
        return;
      }
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          ...base,
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          ...(usageBody ? { usage: usageBody } : {}),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    receivedText: () => requests.map((request) => request.raw).join("\n"),
    replyWith: (next) => {
      answer = next;
    },
    failNext: (status, times = 1) => {
      failures = { status, times };
    },
    reportUsage: (next) => {
      usage = next;
    },
    reset: () => {
      requests.length = 0;
      answer = defaultAnswer;
      failures = null;
      usage = "counted";
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
