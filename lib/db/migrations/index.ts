// Migrations on the wasm schema engine (no schema-engine binary needed):
// apply a migrations folder, compute migration SQL, manage scratch databases.
export { applyMigrations } from "./apply-migrations";
export { diffSql, isEmptyDiff, type DiffSource } from "./diff-sql";
export { DEFAULT_MIGRATIONS_DIR, readMigrationsFolder, writeMigration } from "./migrations-folder";
export { migrationDirName, migrationTimestamp } from "./migration-name";
export {
  createDatabase,
  databaseExists,
  dropDatabase,
  withAdminClient,
  withDatabaseName,
  withTemporaryDatabase,
} from "./databases";
