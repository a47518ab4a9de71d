// npm run db:new-migration -- <name> — writes the SQL that takes the schema
// built by prisma/migrations to prisma/schema.prisma as a new migration
// (prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql). The migrations are
// replayed into a temporary shadow database on DATABASE_URL's server (the user
// must be allowed to create databases), or on an embedded Postgres kept in
// .cache/ when DATABASE_URL is unset. Writes nothing when there is no change.
import { join } from "node:path";
import { z } from "zod";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { DEFAULT_MIGRATIONS_DIR, diffSql, isEmptyDiff, migrationDirName, withTemporaryDatabase, writeMigration } from "../lib/db/migrations";

const SCHEMA_PATH = "prisma/schema.prisma";
const EMBEDDED_DATA_DIR = join(".cache", "new-migration", "postgres");

const ArgsSchema = z.tuple([z.string().min(1).describe("Migration name, e.g. add_card_notes")]);
const args = ArgsSchema.safeParse(process.argv.slice(2).filter((arg) => arg !== "--"));
if (!args.success) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(1);
}
const [name] = args.data;
const dirName = migrationDirName(new Date(), name);

const external = z
  .string()
  .url()
  .optional()
  .parse(process.env.DATABASE_URL || undefined);
const server = external ? undefined : await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, durable: false });
const adminUrl = external ?? server?.url;
if (adminUrl === undefined) throw new Error("no Postgres server to build the shadow database on");

try {
  const sql = await withTemporaryDatabase(adminUrl, "residual_shadow", (shadowDatabaseUrl) =>
    diffSql({ from: { migrationsDir: DEFAULT_MIGRATIONS_DIR, shadowDatabaseUrl }, toSchemaPath: SCHEMA_PATH }),
  );
  if (isEmptyDiff(sql)) {
    console.log(`no changes: ${DEFAULT_MIGRATIONS_DIR} already matches ${SCHEMA_PATH}`);
  } else {
    const file = await writeMigration(DEFAULT_MIGRATIONS_DIR, dirName, sql);
    console.log(`wrote ${file}`);
  }
} finally {
  await server?.stop();
}
