import { isDatabaseReachable } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

/** For load balancers and uptime checks: 503 takes this instance out of rotation while the database is away. */
export async function GET() {
  const healthy = await isDatabaseReachable();
  return Response.json(healthy ? { status: "ok", database: "ok" } : { status: "error", database: "unavailable" }, {
    status: healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
