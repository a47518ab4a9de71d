// The one Prisma client of the process, on the pg driver adapter (Prisma 7's
// wasm query compiler needs no engine binary). Data modules accept a `Db`
// so a workflow or a test can pass a transaction client instead.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "../env";
import { PrismaClient, Prisma } from "./generated/client";

export { Prisma };
export type Db = PrismaClient | Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { residualPrisma?: PrismaClient };

/** Creates a client for a given URL; used by scripts and tests that manage several databases. */
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}

/** The process-wide client for `DATABASE_URL`. Survives Next.js dev hot reloads. */
export function db(): PrismaClient {
  globalForPrisma.residualPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.residualPrisma;
}
