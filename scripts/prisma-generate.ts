// Runs `prisma generate` without the downloaded schema engine. The Prisma 7 CLI
// refuses to start unless a schema-engine binary exists, but `generate` never
// executes it, so an empty stub satisfies the check. Migrations go through the
// wasm schema engine instead (lib/db/migrations).
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const stubDir = join(process.cwd(), ".cache", "prisma");
const stub = join(stubDir, "schema-engine-stub");
mkdirSync(stubDir, { recursive: true });
writeFileSync(stub, "#!/bin/sh\necho 'schema-engine stub: use npm run db:migrate' >&2\nexit 1\n");
chmodSync(stub, 0o755);

execFileSync(join(process.cwd(), "node_modules", ".bin", "prisma"), ["generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
