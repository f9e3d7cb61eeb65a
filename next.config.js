import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Headers that do not depend on the request; the CSP with its nonce is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or worker-based packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@react-pdf/renderer"],
  // Participants files (up to 10 MB, lib/imports/limits.ts) and meeting reports (2 MB) are uploaded through server
  // actions: the body limit leaves room for the form around the file, so a file too large gets its own message.
  // proxy.ts sees every request: without the same room it would cut a body at 10 MB before the action reads it.
  // useCache: the dashboard's sections are rendered once per set of numbers and reused by every viewer ("use cache",
  // app/(app)/generations/[generationId]/dashboard/_components), without turning on Cache Components for the whole app.
  experimental: { serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "12mb", useCache: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
