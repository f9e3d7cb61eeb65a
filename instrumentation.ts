/**
 * Runs once when a server instance starts: a missing or malformed setting stops
 * it right away with a message naming the variable, instead of failing later
 * on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
}
