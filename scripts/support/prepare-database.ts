// Gets a migrated, seeded database for the dev server, the production server,
// browser tests and benchmarks: DATABASE_URL when set, else an embedded
// Postgres whose data lives in `dataDir` and survives restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrations";
import { seedCourse } from "../../lib/content/seed-course";

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function prepareDatabase(options: { dataDir: string; port?: number; seed?: boolean }): Promise<PreparedDatabase> {
  const external = process.env.DATABASE_URL;
  let url: string;
  let stop = async () => {};
  if (external) {
    url = external;
    log(`Using DATABASE_URL (${redact(url)})`);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const pg = await startEmbeddedPostgres({ dataDir: join(options.dataDir, "postgres"), port: options.port });
    url = pg.url;
    stop = pg.stop;
    log(`Embedded Postgres running (${redact(url)}), data in ${pg.dataDir}`);
  }
  const { applied } = await applyMigrations(url);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Migrations up to date");
  if (options.seed !== false) {
    const prisma = createPrismaClient(url, 2);
    try {
      const report = await seedCourse(prisma, undefined, new Date());
      log(`Course seeded: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged`);
    } finally {
      await prisma.$disconnect();
    }
  }
  return { url, embedded: !external, stop };
}

/** A stable auth secret for local runs: BETTER_AUTH_SECRET, else one kept in `dataDir`. */
export function localAuthSecret(dataDir: string): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@");
}

/** Progress goes to stderr, so a script's stdout carries only its result (e.g. a token). */
function log(message: string): void {
  console.error(`[residual] ${message}`);
}
