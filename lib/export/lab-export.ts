// Lab submissions' metadata and results; the submitted tensor itself stays out
// (it is binary and can be large; the lab page re-downloads inputs by seed).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";

const LabRowSchema = z.object({
  id: z.string(),
  labSlug: z.string(),
  seed: z.number().int(),
  createdAt: DateColumn,
  shape: z.array(z.number().int()),
  format: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  passed: z.boolean().nullable(),
  backend: z.string().nullable(),
  error: z.string().nullable(),
  startedAt: DateColumn.nullable(),
  finishedAt: DateColumn.nullable(),
  /** Exported as stored: the grade the lab worker wrote. */
  result: z.record(z.string(), z.json()).nullable(),
});
type LabRow = z.infer<typeof LabRowSchema>;

const COLUMNS = [
  "id",
  "labSlug",
  "seed",
  "createdAt",
  "shape",
  "format",
  "status",
  "attempts",
  "passed",
  "backend",
  "error",
  "startedAt",
  "finishedAt",
  "result",
] as const satisfies readonly (keyof LabRow)[];

/** One page after the (labSlug, createdAt, id) cursor, along lab_submission(userId, labSlug, createdAt). */
export function labPageSql(userId: string, after: { slug: string; at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id::text AS id, "labSlug", seed, "createdAt", shape, format, status::text AS status, attempts, passed, backend, error,
      "startedAt", "finishedAt", result
    FROM lab_submission
    WHERE "userId" = ${userId} AND ("labSlug", "createdAt", id) > (${after.slug}, ${after.at}, ${after.id}::uuid)
    ORDER BY "labSlug", "createdAt", id
    LIMIT ${limit}`;
}

export const LAB_EXPORT: ExportKind = {
  name: "labs",
  columns: COLUMNS,
  pages: (db: Db, userId: string, pageSize: number) =>
    keysetPages(
      { slug: "", at: START_AT, id: START_ID },
      pageSize,
      (after) => queryRows(db, LabRowSchema, labPageSql(userId, after, pageSize), "labPageSql"),
      (last) => ({ slug: last.labSlug, at: last.createdAt, id: last.id }),
    ),
};
