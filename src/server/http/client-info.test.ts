import { describe, expect, it } from "vitest";
import { clientAddress, type ProxyTrust } from "./client-info";
import { PEER_ADDRESS_HEADER, peerAddressStamp } from "./peer-address";

const PEER = "192.0.2.10";
const hops = (trustedProxyHops: number): ProxyTrust => ({ trustedProxyHops, onVercel: false });

/** A request as a route handler sees it: whatever the caller sent, plus the stamp of its socket peer. */
function arriving(sent: Record<string, string>, peer: string | null = PEER): Headers {
  const headers = new Headers(sent);
  if (peer) headers.set(PEER_ADDRESS_HEADER, peerAddressStamp(peer));
  return headers;
}

describe("clientAddress", () => {
  it("hops 0: the socket peer, whatever X-Forwarded-For and X-Real-IP claim", () => {
    const forged = arriving({ "x-forwarded-for": "198.51.100.1, 198.51.100.2", "x-real-ip": "198.51.100.3" });
    expect(clientAddress(forged, hops(0))).toBe(PEER);
    expect(clientAddress(arriving({}), hops(0))).toBe(PEER);
  });

  it("hops 1: the entry the one proxy appended, not what the caller wrote before it", () => {
    // The caller sent "1.1.1.1"; the proxy appended the address it saw (203.0.113.7).
    expect(clientAddress(arriving({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), hops(1))).toBe("203.0.113.7");
    expect(clientAddress(arriving({ "x-forwarded-for": "203.0.113.7" }), hops(1))).toBe("203.0.113.7");
  });

  it("hops 2: two entries left of the peer", () => {
    const headers = arriving({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.5" });
    expect(clientAddress(headers, hops(2))).toBe("203.0.113.7");
  });

  it("clamps to the leftmost entry when there are fewer entries than hops", () => {
    expect(clientAddress(arriving({ "x-forwarded-for": "203.0.113.7" }), hops(2))).toBe("203.0.113.7");
    expect(clientAddress(arriving({}), hops(2))).toBe(PEER);
  });

  it("answers unknown for anything that is not an IP address", () => {
    expect(clientAddress(arriving({ "x-forwarded-for": "1.1.1.1, not-an-ip" }), hops(1))).toBe("unknown");
    expect(clientAddress(arriving({ "x-forwarded-for": "1.1.1.1, " }), hops(1))).toBe("unknown");
  });

  it("reads an IPv4-mapped IPv6 peer as IPv4 and keeps IPv6", () => {
    expect(clientAddress(arriving({}, "::ffff:192.0.2.44"), hops(0))).toBe("192.0.2.44");
    expect(clientAddress(arriving({}, "2001:db8::1"), hops(0))).toBe("2001:db8::1");
  });

  it("does not believe a stamp without this process's nonce: a caller cannot choose its peer", () => {
    for (const forged of ["198.51.100.9", "wrong-nonce 198.51.100.9", ` ${"198.51.100.9"}`]) {
      const headers = new Headers({ [PEER_ADDRESS_HEADER]: forged });
      expect(clientAddress(headers, hops(0))).toBe("unknown");
    }
  });

  it("on Vercel: x-vercel-forwarded-for, else x-real-ip, never X-Forwarded-For", () => {
    const vercel: ProxyTrust = { trustedProxyHops: 0, onVercel: true };
    const sent = { "x-forwarded-for": "1.1.1.1", "x-vercel-forwarded-for": "203.0.113.8", "x-real-ip": "203.0.113.9" };
    expect(clientAddress(arriving(sent), vercel)).toBe("203.0.113.8");
    expect(clientAddress(arriving({ "x-forwarded-for": "1.1.1.1", "x-real-ip": "203.0.113.9" }), vercel)).toBe(
      "203.0.113.9",
    );
    expect(clientAddress(arriving({ "x-forwarded-for": "1.1.1.1" }), { ...vercel, trustedProxyHops: 3 })).toBe(
      "unknown",
    );
  });
});
