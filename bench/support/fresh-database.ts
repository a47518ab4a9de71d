// Every bench runs on its own fresh embedded Postgres, never on DATABASE_URL:
// figures from a shared or production database would measure someone else's load.
import { rmSync } from "node:fs";
import { createPrismaClient } from "../../lib/db/client";
import type { PrismaClient } from "../../lib/db/generated/client";
import { prepareDatabase } from "../../scripts/support/prepare-database";
import type { Cleanups } from "./lifecycle";
import { freePort } from "./ports";
import { note } from "./stats";

export type FreshDatabase = { url: string; prisma: PrismaClient };

/** A new cluster in `dataDir` (emptied first), migrated and optionally seeded, with a Prisma client of `poolSize` connections; both stopped by `cleanups`. */
export async function freshBenchDatabase(cleanups: Cleanups, options: { dataDir: string; seed: boolean; poolSize: number }): Promise<FreshDatabase> {
  rmSync(options.dataDir, { recursive: true, force: true });
  if (process.env.DATABASE_URL) note("Ignoring DATABASE_URL: the benchmark always uses its own fresh embedded Postgres");
  delete process.env.DATABASE_URL;
  const database = await prepareDatabase({ dataDir: options.dataDir, port: await freePort(), seed: options.seed });
  cleanups.push(database.stop);
  const prisma = createPrismaClient(database.url, options.poolSize);
  cleanups.push(() => prisma.$disconnect());
  return { url: database.url, prisma };
}
