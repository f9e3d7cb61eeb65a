/**
 * The client's address as seen by the first proxy in front of the app. Behind a
 * load balancer, make sure it overwrites X-Forwarded-For rather than appending
 * to what the client sent.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
