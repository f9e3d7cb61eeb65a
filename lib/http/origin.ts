import "server-only";
import { headers } from "next/headers";

/** The origin the browser used, for links shown to copy (e.g. invitations). */
export async function requestOrigin() {
  const all = await headers();
  const host = all.get("x-forwarded-host") ?? all.get("host") ?? "localhost:3000";
  const protocol = all.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}
