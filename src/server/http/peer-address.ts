import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The TCP peer of a request, carried from Node's HTTP server to route handlers (Next exposes no
 * socket). The HTTP server hook writes `<process nonce> <address>` into this header after deleting
 * any copy the caller sent; a value without this process's nonce is not believed.
 */
export const PEER_ADDRESS_HEADER = "x-omnicrm-peer-address";

// On globalThis so the server hook and every route bundle of the process (and each dev reload) share one nonce.
const holder = globalThis as { omnicrmPeerNonce?: string };
const nonce = (holder.omnicrmPeerNonce ??= randomBytes(18).toString("base64url"));

/** The header value the HTTP server writes for a socket peer (tests use it to stand for a caller). */
export function peerAddressStamp(address: string): string {
  return `${nonce} ${address}`;
}

/** Called for every request before Next sees it: the caller's own copy is dropped, the socket's address written. */
export function stampPeerAddress(request: IncomingMessage): void {
  delete request.headers[PEER_ADDRESS_HEADER];
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = peerAddressStamp(address);
}

/** The stamped socket peer, or undefined when the request carries no stamp of this process. */
export function stampedPeerAddress(headers: Pick<Headers, "get">): string | undefined {
  const value = headers.get(PEER_ADDRESS_HEADER);
  if (!value) return undefined;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== nonce) return undefined;
  return value.slice(space + 1);
}
