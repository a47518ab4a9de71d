// The server browser tests run against: the production build on port 3100,
// on a fresh embedded Postgres, or, when DATABASE_URL is set, on a fresh
// `residual_e2e` database on that server (the database it names is untouched).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { relocatedTarget } from "../lib/db/postgres-as-root";
import { createDatabase, dropDatabase, withDatabaseName } from "../lib/db/migrations";
import { E2E_DATABASE, e2eDataDir } from "./support/e2e-database";
import { serve } from "./support/serve";

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = e2eDataDir(port);
// As root the cluster may live elsewhere, linked from here (lib/db/postgres-as-root.ts): start afresh there too.
const relocated = relocatedTarget(join(dataDir, "postgres"));
if (relocated) rmSync(relocated, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
const external = process.env.DATABASE_URL;
if (external) {
  await dropDatabase(external, E2E_DATABASE);
  await createDatabase(external, E2E_DATABASE);
  process.env.DATABASE_URL = withDatabaseName(external, E2E_DATABASE);
}
delete process.env.BETTER_AUTH_URL;
// Every browser test signs up its own learner, all from 127.0.0.1.
process.env.AUTH_SIGN_UPS_PER_MINUTE ??= "200";
await serve("start", { dataDir, port, host: "127.0.0.1" });
