import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as AiModule from "@/server/ai";
import type { AppError } from "@/server/errors";
import { startFakeAiProvider, type FakeAiProvider } from "../../support/fake-ai-provider";

let fake: FakeAiProvider;
let ai: typeof AiModule;

beforeAll(async () => {
  fake = await startFakeAiProvider({ apiKey: "test-key" });
  Object.assign(process.env, { AI_BASE_URL: fake.baseURL, AI_API_KEY: "test-key", AI_CHAT_MODEL: "fake-chat" });
  vi.resetModules();
  ai = await import("@/server/ai");
});
afterAll(async () => {
  for (const name of ["AI_BASE_URL", "AI_API_KEY", "AI_CHAT_MODEL"]) delete process.env[name];
  await fake.close();
});
beforeEach(() => fake.reset());

const request = { system: "You summarise.", prompt: "Notes about [CLIENT_1].", maxOutputTokens: 100 };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have failed").not.toBeNull();
  return error as AppError;
}

describe("the AI module against an OpenAI-compatible server", () => {
  it("sends the model, the key and the messages, and reads the answer and the usage", async () => {
    const answer = await ai.generateChat(request);
    expect(answer.text).toBe("Summary for [CLIENT_1]: sessions are going well. Open thread: follow up next visit.");
    expect(answer.model).toBe("fake-chat");
    expect(answer.usage.inputTokens).toBeGreaterThan(0);
    expect(answer.usage.totalTokens).toBe(answer.usage.inputTokens + answer.usage.outputTokens);
    const [sent] = fake.requests;
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.authorization).toBe("Bearer test-key");
    expect(sent?.body).toMatchObject({ model: "fake-chat", max_tokens: 100 });
    expect(sent?.body.messages).toEqual([
      { role: "system", content: "You summarise." },
      { role: "user", content: "Notes about [CLIENT_1]." },
    ]);
  });

  it("charges an estimate when the provider reports no usage", async () => {
    fake.reportUsage(null);
    const answer = await ai.generateChat(request);
    expect(answer.usage.inputTokens).toBe(ai.estimateTokens(request.system + request.prompt));
    expect(answer.usage.outputTokens).toBe(ai.estimateTokens(answer.text));
  });

  it("turns a refused key, rate limiting and server errors into 503s with a reason, retrying once", async () => {
    fake.failNext(401);
    const refused = await failure(ai.generateChat(request));
    expect([refused.status, refused.details]).toEqual([503, { reason: "provider_auth" }]);
    expect(refused.message).toContain("AI_API_KEY");

    fake.failNext(429, 2);
    const busy = await failure(ai.generateChat(request));
    expect([busy.status, busy.details, busy.headers["Retry-After"]]).toEqual([
      503,
      { reason: "provider_rate_limited" },
      "1",
    ]);

    fake.reset();
    fake.failNext(500, 2);
    const broken = await failure(ai.generateChat(request));
    expect([broken.status, broken.details]).toEqual([503, { reason: "provider_error", providerStatus: 500 }]);
    expect(fake.requests).toHaveLength(2);
    // Nothing of the provider's own words reaches the practitioner.
    expect(broken.message).not.toContain("server had an error");

    fake.reset();
    fake.failNext(503, 1);
    expect((await ai.generateChat(request)).text).toContain("Summary");
    expect(fake.requests).toHaveLength(2);
  });

  it("speaks the streaming protocol the SDK reads, usage included", async () => {
    const provider = createOpenAICompatible({
      name: "fake",
      baseURL: fake.baseURL,
      apiKey: "test-key",
      includeUsage: true,
    });
    const result = streamText({ model: provider.chatModel("fake-chat"), prompt: "Notes about [CLIENT_2]." });
    const parts: string[] = [];
    for await (const part of result.textStream) parts.push(part);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join("")).toBe("Summary for [CLIENT_2]: sessions are going well. Open thread: follow up next visit.");
    expect((await result.usage).inputTokens).toBeGreaterThan(0);
    expect(fake.requests[0]?.body.stream).toBe(true);
  });
});

describe("the AI module with nothing configured", () => {
  it("says AI is off and how to turn it on, without calling anyone", async () => {
    for (const name of ["AI_BASE_URL", "AI_API_KEY", "AI_CHAT_MODEL"]) delete process.env[name];
    vi.resetModules();
    const off = await import("@/server/ai");
    expect(off.aiConfig()).toEqual({ configured: false });
    const error = await failure(off.generateChat(request));
    expect([error.status, error.details]).toEqual([503, { reason: "not_configured" }]);
    expect(error.message).toContain("AI_BASE_URL");
    expect(fake.requests).toHaveLength(0);
  });
});
