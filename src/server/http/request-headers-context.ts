import { clientIp } from "./client-info";
import { requestIdFrom } from "./request-id";
import { rootLogger } from "@/server/observability/logger";
import { currentRequestContext, runWithRequestContext } from "@/server/observability/request-context";

/**
 * Runs `fn` with the request context a route handler would have, built from a page request's
 * headers (Server Components have none of their own), so audit events there carry IP, user agent
 * and request id too. Inside a route handler the existing context is kept.
 */
export function runWithRequestHeaders<T>(headers: Pick<Headers, "get">, route: string, fn: () => T): T {
  if (currentRequestContext()) return fn();
  const requestId = requestIdFrom(headers as Headers);
  return runWithRequestContext(
    {
      requestId,
      route,
      logger: rootLogger.child({ requestId, route }),
      ip: clientIp(headers as Headers),
      userAgent: headers.get("user-agent") ?? "",
    },
    fn,
  );
}
