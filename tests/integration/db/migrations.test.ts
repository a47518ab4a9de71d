// The committed migrations and the Prisma schema describe the same database,
// and applying migrations is idempotent.
import { inject, describe, expect, it } from "vitest";
import { applyMigrations, diffSql, isEmptyDiff, withTemporaryDatabase } from "../../../lib/db/migrations";

const SCHEMA_PATH = "prisma/schema.prisma";

describe("prisma/migrations", () => {
  const { adminUrl } = inject("testDatabase");

  it("builds exactly the schema in prisma/schema.prisma (no drift)", async () => {
    await withTemporaryDatabase(adminUrl, "residual_drift", async (url) => {
      const { applied } = await applyMigrations(url);
      expect(applied.length).toBeGreaterThan(0);
      const drift = await diffSql({ from: { databaseUrl: url }, toSchemaPath: SCHEMA_PATH });
      expect(isEmptyDiff(drift), `migrations differ from the schema; missing SQL:\n${drift}`).toBe(true);
    });
  });

  it("applies nothing the second time", async () => {
    await withTemporaryDatabase(adminUrl, "residual_twice", async (url) => {
      const first = await applyMigrations(url);
      const second = await applyMigrations(url);
      expect(first.applied.length).toBeGreaterThan(0);
      expect(second.applied).toEqual([]);
    });
  });

  it("matches the schema when replayed into a shadow database", async () => {
    await withTemporaryDatabase(adminUrl, "residual_shadow", async (shadowDatabaseUrl) => {
      const sql = await diffSql({ from: { migrationsDir: "prisma/migrations", shadowDatabaseUrl }, toSchemaPath: SCHEMA_PATH });
      expect(isEmptyDiff(sql), sql).toBe(true);
    });
  });
});
