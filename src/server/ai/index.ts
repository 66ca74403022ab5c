export { aiConfig, AI_SETUP_HINT, type AiConfig } from "./config";
export {
  aiNotConfiguredError,
  estimateTokens,
  generateChat,
  type ChatAnswer,
  type ChatRequest,
  type ChatUsage,
} from "./chat";
export { createRedactor, type RedactionSubject, type Redactor } from "./redaction";
