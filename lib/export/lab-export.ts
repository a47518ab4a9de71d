// Lab submissions' metadata and results; the submitted tensor itself stays out
// (it is binary and can be large; the lab page re-downloads inputs by seed).
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { START_AT, START_ID, keysetPages, type ExportKind } from "./export-kind";

type LabRow = {
  id: string;
  labSlug: string;
  seed: number;
  createdAt: Date;
  shape: number[];
  format: string;
  status: string;
  attempts: number;
  passed: boolean | null;
  backend: string | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  result: { readonly [key: string]: unknown } | null;
};

const COLUMNS = [
  "id", "labSlug", "seed", "createdAt", "shape", "format", "status", "attempts", "passed", "backend", "error",
  "startedAt", "finishedAt", "result",
] as const satisfies readonly (keyof LabRow)[];

/** One page after the (labSlug, createdAt, id) cursor, along lab_submission(userId, labSlug, createdAt). */
export function labPageSql(userId: string, after: { slug: string; at: Date; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT id, "labSlug", seed, "createdAt", shape, format, status::text AS status, attempts, passed, backend, error,
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
      (after) => db.$queryRaw<LabRow[]>(labPageSql(userId, after, pageSize)),
      (last) => ({ slug: last.labSlug, at: last.createdAt, id: last.id }),
    ),
};
