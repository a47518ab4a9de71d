// Runs in each test worker before its test files import anything: points
// DATABASE_URL at this worker's own database, cloned from the migrated template
// the first time the worker slot needs it, and sets the auth environment that
// lib/env.ts validates.
import { inject } from "vitest";
import { createDatabase, databaseExists, withDatabaseName } from "../../../lib/db/migrations";
import { TEST_AUTH_ENV, workerDatabaseName } from "./test-database";

const { adminUrl, template } = inject("testDatabase");
const name = workerDatabaseName(template, process.env.VITEST_POOL_ID ?? "1");

if (!(await databaseExists(adminUrl, name))) await createDatabase(adminUrl, name, template);

process.env.DATABASE_URL = withDatabaseName(adminUrl, name);
Object.assign(process.env, TEST_AUTH_ENV);
