// The user's cards (every card of every module they are enrolled in) with
// their FSRS state; a card never reviewed has state NEW and empty state fields.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { selectEnrolledModules } from "../checklists/module-access";
import { START_ID, keysetPages, type ExportKind } from "./export-kind";

const CardRowSchema = z.object({
  id: z.string(),
  module: z.string(),
  externalId: z.string(),
  kind: z.string(),
  role: z.string(),
  difficultyMarker: z.string(),
  topic: z.string(),
  tags: z.array(z.string()),
  front: z.string(),
  back: z.string(),
  commonWrongAnswer: z.string().nullable(),
  exerciseSlug: z.string().nullable(),
  archivedAt: DateColumn.nullable(),
  state: z.string(),
  due: DateColumn.nullable(),
  stability: z.number().nullable(),
  difficulty: z.number().nullable(),
  elapsedDays: z.number().int().nullable(),
  scheduledDays: z.number().int().nullable(),
  learningSteps: z.number().int().nullable(),
  reps: z.number().int().nullable(),
  lapses: z.number().int().nullable(),
  lastReview: DateColumn.nullable(),
  isLeech: z.boolean().nullable(),
  suspendedAt: DateColumn.nullable(),
});
type CardRow = z.infer<typeof CardRowSchema>;

const CardPageRowSchema = CardRowSchema.extend({ position: z.number().int() });

const COLUMNS = [
  "id",
  "module",
  "externalId",
  "kind",
  "role",
  "difficultyMarker",
  "topic",
  "tags",
  "front",
  "back",
  "commonWrongAnswer",
  "exerciseSlug",
  "archivedAt",
  "state",
  "due",
  "stability",
  "difficulty",
  "elapsedDays",
  "scheduledDays",
  "learningSteps",
  "reps",
  "lapses",
  "lastReview",
  "isLeech",
  "suspendedAt",
] as const satisfies readonly (keyof CardRow)[];

/**
 * One page of one module's cards after (position, id), with the user's state:
 * a range scan of card(moduleId, position) and a probe of
 * card_state(userId, cardId) per card. Exported so a test can EXPLAIN it.
 */
export function cardPageSql(userId: string, module: { id: string; slug: string }, after: { position: number; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id::text AS id, ${module.slug} AS module, c."externalId", c.kind::text AS kind, c.role::text AS role,
      c.difficulty::text AS "difficultyMarker", c.topic, c.tags, c.front, c.back, c."commonWrongAnswer", c."exerciseSlug",
      c."archivedAt", COALESCE(s.state::text, 'NEW') AS state, s.due, s.stability, s.difficulty, s."elapsedDays",
      s."scheduledDays", s."learningSteps", s.reps, s.lapses, s."lastReview", s."isLeech", s."suspendedAt", c.position
    FROM card c
    LEFT JOIN card_state s ON s."userId" = ${userId} AND s."cardId" = c.id
    WHERE c."moduleId" = ${module.id}::uuid AND (c.position, c.id) > (${after.position}, ${after.id}::uuid)
    ORDER BY c.position, c.id
    LIMIT ${limit}`;
}

export const CARD_EXPORT: ExportKind = {
  name: "cards",
  columns: COLUMNS,
  async *pages(db: Db, userId: string, pageSize: number) {
    const modules = await selectEnrolledModules(db, userId);
    for (const module of modules) {
      const pages = keysetPages(
        { position: -1, id: START_ID },
        pageSize,
        (after) => queryRows(db, CardPageRowSchema, cardPageSql(userId, module, after, pageSize), "cardPageSql"),
        (last) => ({ position: last.position, id: last.id }),
      );
      for await (const rows of pages) yield rows.map(({ position: _position, ...row }) => row);
    }
  },
};
