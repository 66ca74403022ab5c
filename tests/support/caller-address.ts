import { PEER_ADDRESS_HEADER, peerAddressStamp } from "@/server/http/peer-address";

/**
 * Request headers that make a route handler see a caller connecting from `ip`, exactly as the HTTP
 * server hook stamps a socket's peer (`src/server/http/peer-address.ts`). X-Forwarded-For is no
 * longer believed by default, so tests stand for distinct callers with this.
 */
export function callerAddressHeaders(ip: string): Record<string, string> {
  return { [PEER_ADDRESS_HEADER]: peerAddressStamp(ip) };
}
