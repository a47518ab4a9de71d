// npm run db:migrate — applies prisma/migrations to DATABASE_URL (what
// `prisma migrate deploy` does, on the wasm schema engine) and lists what ran.
import { z } from "zod";
import { applyMigrations } from "../lib/db/migrations";

const DatabaseUrlSchema = z.string().url().describe("Postgres connection string of the database to migrate.");

const parsed = DatabaseUrlSchema.safeParse(process.env.DATABASE_URL);
if (!parsed.success) {
  console.error("db:migrate needs DATABASE_URL set to a Postgres URL (e.g. postgresql://user:pass@127.0.0.1:5432/residual).");
  process.exit(1);
}

const started = performance.now();
const { applied } = await applyMigrations(parsed.data).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
const ms = Math.round(performance.now() - started);
if (applied.length === 0) {
  console.log(`Database is up to date (${ms} ms).`);
} else {
  console.log(`Applied ${applied.length} migration(s) in ${ms} ms:`);
  for (const name of applied) console.log(`  ${name}`);
}
