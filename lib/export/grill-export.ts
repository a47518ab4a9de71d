// Mock grills, one row per question with its session's fields repeated, so
// the CSV stays flat. Pages are whole sessions, so a session never splits.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { START_AT, START_ID, type ExportKind } from "./export-kind";

const GrillRowSchema = z.object({
  grillId: z.string(),
  module: z.string(),
  startedAt: DateColumn,
  finishedAt: DateColumn.nullable(),
  grillDifficulty: z.string().nullable(),
  secondsPerItem: z.number().int(),
  grillScore: z.number().nullable(),
  position: z.number().int().nullable(),
  cardId: z.string().nullable(),
  exerciseSlug: z.string().nullable(),
  seed: z.number().int().nullable(),
  topic: z.string().nullable(),
  answer: z.string().nullable(),
  keyPointsHit: z.array(z.number().int()).nullable(),
  score: z.number().nullable(),
  timeMs: z.number().int().nullable(),
  answeredAt: DateColumn.nullable(),
  requeuedAt: DateColumn.nullable(),
});
type GrillRow = z.infer<typeof GrillRowSchema>;

const COLUMNS = [
  "grillId",
  "module",
  "startedAt",
  "finishedAt",
  "grillDifficulty",
  "secondsPerItem",
  "grillScore",
  "position",
  "cardId",
  "exerciseSlug",
  "seed",
  "topic",
  "answer",
  "keyPointsHit",
  "score",
  "timeMs",
  "answeredAt",
  "requeuedAt",
] as const satisfies readonly (keyof GrillRow)[];

/**
 * The items of up to `sessions` grills after the (startedAt, id) cursor:
 * grill_session(userId, startedAt), then grill_item(grillId, position).
 * Exported so a test can EXPLAIN it.
 */
export function grillPageSql(userId: string, after: { at: Date; id: string }, sessions: number): Prisma.Sql {
  return Prisma.sql`
    WITH g AS (
      SELECT id, "moduleId", "startedAt", "finishedAt", difficulty, "secondsPerItem", score FROM grill_session
      WHERE "userId" = ${userId} AND ("startedAt", id) > (${after.at}, ${after.id}::uuid)
      ORDER BY "startedAt", id LIMIT ${sessions})
    SELECT g.id::text AS "grillId", m.slug AS module, g."startedAt", g."finishedAt", g.difficulty::text AS "grillDifficulty",
      g."secondsPerItem", g.score AS "grillScore", i.position, i."cardId"::text AS "cardId", i."exerciseSlug", i.seed, i.topic, i.answer,
      i."keyPointsHit", i.score, i."timeMs", i."answeredAt", i."requeuedAt"
    FROM g JOIN module m ON m.id = g."moduleId" LEFT JOIN grill_item i ON i."grillId" = g.id
    ORDER BY g."startedAt", g.id, i.position`;
}

/** Grill rows have ~10 items each, so a page holds a tenth as many sessions. */
const ITEMS_PER_SESSION = 10;

export const GRILL_EXPORT: ExportKind = {
  name: "grills",
  columns: COLUMNS,
  async *pages(db: Db, userId: string, pageSize: number) {
    const sessions = Math.max(1, Math.floor(pageSize / ITEMS_PER_SESSION));
    let after = { at: START_AT, id: START_ID };
    for (;;) {
      const rows = await queryRows(db, GrillRowSchema, grillPageSql(userId, after, sessions), "grillPageSql");
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (!last || new Set(rows.map((r) => r.grillId)).size < sessions) return;
      after = { at: last.startedAt, id: last.grillId };
    }
  },
};
