/**
 * The production (and test) server: Next.js behind Node's HTTP server, for one reason. Next.js keeps
 * an `X-Forwarded-For` the client sent, so the client's address cannot be told from a forged one.
 * This server stamps each request with the address of the socket it came from (`x-tejido-peer`,
 * replacing any header of that name a client sent); lib/auth/client-ip.ts trusts forwarded headers
 * only through TRUSTED_PROXY_HOPS proxies in front of it (default: none).
 *
 *   node server.mjs [--dev]      PORT (default 3000), LISTEN_HOST (default 0.0.0.0)
 */
import { createServer } from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.LISTEN_HOST ?? "0.0.0.0";
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers["x-tejido-peer"] = request.socket.remoteAddress ?? "";
  handle(request, response);
});
// Longer than a load balancer's idle timeout (60 s on most), so it never reuses a connection this server closed.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Tejido listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
