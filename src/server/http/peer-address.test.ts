import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddress, stampedPeerAddress } from "./peer-address";

function incoming(headers: Record<string, string>, remoteAddress: string | undefined): IncomingMessage {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

const asHeaders = (request: IncomingMessage) => new Headers(request.headers as Record<string, string>);

describe("stampPeerAddress", () => {
  it("replaces a copy the caller sent with the socket's own address", () => {
    const request = incoming({ [PEER_ADDRESS_HEADER]: "guessed-nonce 198.51.100.1" }, "192.0.2.20");
    stampPeerAddress(request);
    expect(stampedPeerAddress(asHeaders(request))).toBe("192.0.2.20");
  });

  it("leaves no header at all when the socket has no address", () => {
    const request = incoming({ [PEER_ADDRESS_HEADER]: "guessed-nonce 198.51.100.1" }, undefined);
    stampPeerAddress(request);
    expect(request.headers[PEER_ADDRESS_HEADER]).toBeUndefined();
  });
});
