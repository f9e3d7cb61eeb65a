import { env } from "@/lib/env";

/**
 * The address a request came from, for sign-in limits and check-in limits.
 *
 * server.mjs stamps every request with its socket's address (`x-tejido-peer`); a client cannot set it.
 * Forwarded headers are trusted only through the proxies the deployment declares: with
 * TRUSTED_PROXY_HOPS=N (default 0), the address is the one N hops back in `X-Forwarded-For`
 * (each proxy appends the address it saw). With 0, a client's own `X-Forwarded-For` is ignored, so
 * sending another one never gets anyone a fresh address. Without the stamp (`next dev` run directly),
 * "unknown".
 */
export function clientIp(headers: Headers, trustedProxyHops = trustedHops()): string {
  const peer = headers.get("x-tejido-peer")?.trim();
  if (!peer) return "unknown";
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  // The last `trustedProxyHops` entries are our proxies; the one before them is who they heard from.
  return normalize(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

const trustedHops = () => env().TRUSTED_PROXY_HOPS;

// IPv4 through an IPv6 socket ("::ffff:10.0.0.1") is the IPv4 address.
const normalize = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
