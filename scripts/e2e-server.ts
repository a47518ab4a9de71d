// The server browser tests run against: the production build on a fresh
// embedded Postgres (or E2E_DATABASE_URL), migrated and seeded, on port 3100.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { serve } from "./support/serve";

const dataDir = join(process.cwd(), ".cache", "e2e");
rmSync(dataDir, { recursive: true, force: true });
if (process.env.E2E_DATABASE_URL) process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
else delete process.env.DATABASE_URL;
delete process.env.BETTER_AUTH_URL;
await serve("start", { dataDir, port: Number(process.env.E2E_PORT ?? 3100), host: "127.0.0.1" });
