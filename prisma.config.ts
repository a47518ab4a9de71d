import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate`; migrations run through
// scripts/migrate.ts (see README, "Database").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
