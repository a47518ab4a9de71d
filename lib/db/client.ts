// The one Prisma client of the process, on the pg driver adapter (Prisma 7's
// wasm query compiler needs no engine binary) over a pg pool that raw
// statements also use directly (raw-pool.ts). Data modules accept a `Db` so a
// workflow or a test can pass a transaction client instead.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "../env";
import { PrismaClient, Prisma } from "./generated/client";
import { registerRawPool } from "./raw-pool";

export { Prisma };
export type Db = PrismaClient | Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { residualPrisma?: PrismaClient };

/** Creates a client for a given URL; used by scripts and tests that manage several databases. */
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that dies (Postgres restarted) is dropped by the pool; without a listener its
  // error would end the process. The next query opens a fresh connection.
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  registerRawPool(client, pool);
  return client;
}

/** The process-wide client for `DATABASE_URL`. Survives Next.js dev hot reloads. */
export function db(): PrismaClient {
  globalForPrisma.residualPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.residualPrisma;
}
