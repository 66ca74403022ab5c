import { env } from "@/server/config";

/** Where AI requests go, or why there is nowhere to send them. */
export type AiConfig =
  | {
      configured: true;
      baseURL: string;
      apiKey: string | undefined;
      chatModel: string;
      embeddingModel: string | undefined;
    }
  | { configured: false };

/** How an operator turns AI on; shown wherever an AI surface is off for want of configuration. */
export const AI_SETUP_HINT =
  "Set AI_BASE_URL (any OpenAI-compatible endpoint: OpenAI, OpenRouter, a local Ollama) and AI_CHAT_MODEL, plus AI_API_KEY if the endpoint needs one, then restart OmniCRM.";

/** AI is on only when an endpoint and a chat model are configured (the schema requires the model with the URL). */
export function aiConfig(): AiConfig {
  if (!env.AI_BASE_URL || !env.AI_CHAT_MODEL) return { configured: false };
  return {
    configured: true,
    baseURL: env.AI_BASE_URL,
    apiKey: env.AI_API_KEY,
    chatModel: env.AI_CHAT_MODEL,
    embeddingModel: env.AI_EMBEDDING_MODEL,
  };
}
