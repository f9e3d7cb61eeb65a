import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("the address a request came from", () => {
  it("is the socket's address (stamped by server.mjs), whatever X-Forwarded-For a client sends, when no proxy is trusted", () => {
    expect(clientIp(request({ "x-tejido-peer": "203.0.113.7" }), 0)).toBe("203.0.113.7");
    expect(clientIp(request({ "x-tejido-peer": "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("203.0.113.7");
    expect(clientIp(request({ "x-tejido-peer": "203.0.113.7", "x-real-ip": "5.6.7.8" }), 0)).toBe("203.0.113.7");
  });

  it("behind one trusted proxy, is what that proxy appended, not what the client put before it", () => {
    // The client forged "1.2.3.4"; the proxy (10.0.0.2) appended the address it saw, 198.51.100.9.
    const headers = request({ "x-tejido-peer": "10.0.0.2", "x-forwarded-for": "1.2.3.4, 198.51.100.9" });
    expect(clientIp(headers, 1)).toBe("198.51.100.9");
    expect(clientIp(request({ "x-tejido-peer": "10.0.0.2", "x-forwarded-for": "198.51.100.9" }), 1)).toBe("198.51.100.9");
    // More hops declared than there are entries: the farthest known address.
    expect(clientIp(request({ "x-tejido-peer": "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("writes IPv4 through an IPv6 socket as IPv4, and is unknown without the server's stamp", () => {
    expect(clientIp(request({ "x-tejido-peer": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });
});
