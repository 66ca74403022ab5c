import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText } from "ai";
import { AppError } from "@/server/errors";
import { AI_SETUP_HINT, aiConfig } from "./config";
import { providerError } from "./provider-errors";

export interface ChatRequest {
  /** Instructions; already redacted. */
  system: string;
  /** The material and the question; already redacted. */
  prompt: string;
  maxOutputTokens: number;
  abortSignal?: AbortSignal | undefined;
}

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export interface ChatAnswer {
  text: string;
  usage: ChatUsage;
  model: string;
}

/** One retry for a 429/5xx the provider marks retryable; more would only hold the request open. */
const MAX_RETRIES = 1;
/** A summary must not hold a request for minutes when the provider hangs. */
const TIMEOUT_MS = 60_000;

/** About four characters a token for European languages: what a quota check can know before the call. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function aiNotConfiguredError(): AppError {
  return new AppError("unavailable", `AI is not set up on this OmniCRM. ${AI_SETUP_HINT}`, {
    details: { reason: "not_configured" },
  });
}

/**
 * One chat completion through the configured OpenAI-compatible endpoint. The caller redacts the
 * prompt and counts the usage; this only talks to the provider and turns its failures into AppErrors.
 */
export async function generateChat(request: ChatRequest): Promise<ChatAnswer> {
  const config = aiConfig();
  if (!config.configured) throw aiNotConfiguredError();
  const provider = createOpenAICompatible({
    name: "omnicrm-ai",
    baseURL: config.baseURL,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    includeUsage: true,
  });
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  try {
    const result = await generateText({
      model: provider.chatModel(config.chatModel),
      system: request.system,
      prompt: request.prompt,
      maxOutputTokens: request.maxOutputTokens,
      temperature: 0.2,
      maxRetries: MAX_RETRIES,
      abortSignal: request.abortSignal ? AbortSignal.any([request.abortSignal, timeout]) : timeout,
    });
    // A provider that reports no usage is charged an estimate, so the quota cannot be bypassed.
    const inputTokens = result.usage.inputTokens ?? estimateTokens(request.system + request.prompt);
    const outputTokens = result.usage.outputTokens ?? estimateTokens(result.text);
    return {
      text: result.text,
      usage: { inputTokens, outputTokens, totalTokens: result.usage.totalTokens ?? inputTokens + outputTokens },
      model: config.chatModel,
    };
  } catch (error) {
    throw providerError(error);
  }
}
