import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";

export interface RequestContext {
  requestId: string;
  route: string;
  logger: Logger;
  userId?: string;
  ip?: string;
  userAgent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
