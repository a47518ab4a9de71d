// `prisma migrate diff --script` without the CLI: the SQL that takes one
// schema state to the one described by a Prisma schema file.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { DiffTarget, SchemaContainer } from "@prisma/schema-engine-wasm";
import { migrationAdapterFactory, offlineAdapterFactory, type MigrationAdapterFactory } from "./pg-migration-adapter";
import { readMigrationsFolder } from "./migrations-folder";
import { NO_FILTERS, withSchemaEngine } from "./schema-engine";

/** Where a diff starts. */
export type DiffSource =
  | "empty"
  /** The state after replaying the folder into `shadowDatabaseUrl`, which must be an empty database. */
  | { migrationsDir: string; shadowDatabaseUrl: string }
  /** The live schema of a database. */
  | { databaseUrl: string };

/**
 * The SQL script from `from` to the schema in `toSchemaPath`. When nothing
 * differs the engine returns only a comment ("-- This is an empty
 * migration."); test with `isEmptyDiff`.
 */
export async function diffSql(options: { from: DiffSource; toSchemaPath: string }): Promise<string> {
  const schemaPath = resolve(options.toSchemaPath);
  const files = [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
  const { source, factory } = await startingPoint(options.from, files);
  return withSchemaEngine("diff", factory, async (engine) => {
    const result = await engine.diff({
      from: source,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

async function startingPoint(from: DiffSource, files: SchemaContainer[]): Promise<{ source: DiffTarget; factory: MigrationAdapterFactory }> {
  if (from === "empty") return { source: { tag: "empty" }, factory: offlineAdapterFactory() };
  if ("databaseUrl" in from) {
    // The engine reads "the datasource of this schema" through the adapter, i.e. from databaseUrl.
    const source: DiffTarget = { tag: "schemaDatasource", files, configDir: process.cwd() };
    return { source, factory: migrationAdapterFactory(from.databaseUrl) };
  }
  const migrations = await readMigrationsFolder(from.migrationsDir);
  // The engine demands a lockfile even for an empty folder; no migrations is simply the empty state.
  if (migrations.migrationDirectories.length === 0) return startingPoint("empty", files);
  const source: DiffTarget = { tag: "migrations", ...migrations };
  return { source, factory: migrationAdapterFactory(from.shadowDatabaseUrl, from.shadowDatabaseUrl) };
}

/** True when a diff script has no statements, only comments and blank lines. */
export function isEmptyDiff(sql: string): boolean {
  return sql.split("\n").every((line) => {
    const trimmed = line.trim();
    return trimmed === "" || trimmed.startsWith("--");
  });
}
