// npm run db:seed — imports the built-in "Transformer architecture" course into
// DATABASE_URL as a public module and prints what changed. Safe to repeat:
// a second run reports everything unchanged.
import { z } from "zod";
import { createPrismaClient } from "../lib/db/client";
import { formatImportReport } from "../lib/content/import-report";
import { seedCourse } from "../lib/content/seed-course";

const DatabaseUrlSchema = z.string().url().describe("Postgres connection string of the (migrated) database to seed.");

const parsed = DatabaseUrlSchema.safeParse(process.env.DATABASE_URL);
if (!parsed.success) {
  console.error("db:seed needs DATABASE_URL set to a migrated Postgres (run npm run db:migrate first).");
  process.exit(1);
}

const prisma = createPrismaClient(parsed.data, 2);
try {
  const report = await seedCourse(prisma, undefined, new Date());
  console.log(formatImportReport(report));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
