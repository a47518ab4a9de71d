// The user's cards (every card of every module they are enrolled in) with
// their FSRS state; a card never reviewed has state NEW and empty state fields.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { selectEnrolledModules } from "../checklists/module-access";
import { START_ID, keysetPages, type ExportKind } from "./export-kind";

type CardRow = {
  id: string;
  module: string;
  externalId: string;
  kind: string;
  role: string;
  difficultyMarker: string;
  topic: string;
  tags: string[];
  front: string;
  back: string;
  commonWrongAnswer: string | null;
  exerciseSlug: string | null;
  archivedAt: Date | null;
  state: string;
  due: Date | null;
  stability: number | null;
  difficulty: number | null;
  elapsedDays: number | null;
  scheduledDays: number | null;
  learningSteps: number | null;
  reps: number | null;
  lapses: number | null;
  lastReview: Date | null;
  isLeech: boolean | null;
  suspendedAt: Date | null;
};

type CardPageRow = CardRow & { position: number };

const COLUMNS = [
  "id", "module", "externalId", "kind", "role", "difficultyMarker", "topic", "tags", "front", "back", "commonWrongAnswer",
  "exerciseSlug", "archivedAt", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps",
  "reps", "lapses", "lastReview", "isLeech", "suspendedAt",
] as const satisfies readonly (keyof CardRow)[];

/**
 * One page of one module's cards after (position, id), with the user's state:
 * a range scan of card(moduleId, position) and a probe of
 * card_state(userId, cardId) per card. Exported so a test can EXPLAIN it.
 */
export function cardPageSql(userId: string, module: { id: string; slug: string }, after: { position: number; id: string }, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, ${module.slug} AS module, c."externalId", c.kind::text AS kind, c.role::text AS role,
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
        (after) => db.$queryRaw<CardPageRow[]>(cardPageSql(userId, module, after, pageSize)),
        (last) => ({ position: last.position, id: last.id }),
      );
      for await (const rows of pages) yield rows.map(({ position: _position, ...row }) => row);
    }
  },
};
