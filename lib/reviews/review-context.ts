// Everything recording a review reads, in one round trip: whether the review
// id was seen before, the card (only if the user may study it), the user's
// state of it and their settings. The review post is the hottest write path,
// so this replaces five separate lookups. The row is parsed with the schemas
// of the modules that own each table.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { StudyCardJsonSchema, type StudyCard } from "../data/card";
import { CardStateJsonSchema, type CardState } from "../data/card-state";
import type { SchedulerSettings } from "../scheduling";

export type ReviewSettings = SchedulerSettings & { timeZone: string; dayStartHour: number };

export type ReviewContext = {
  /** The user and card of an earlier log row or undo tombstone with this review id. */
  earlier: { kind: "log" | "undo"; userId: string; cardId: string } | null;
  card: StudyCard | null;
  state: CardState | null;
  /** Null when the user has no settings row yet (defaults apply). */
  settings: ReviewSettings | null;
  /** The desired retention the user set for the card's module, or null to follow their settings. */
  moduleRetention: number | null;
};

const SettingsJsonSchema = z
  .object({
    desiredRetention: z.number(),
    maximumIntervalDays: z.number().int(),
    fsrsWeights: z.array(z.number()),
    timeZone: z.string(),
    dayStartHour: z.number().int(),
  })
  .transform(({ fsrsWeights, ...rest }) => ({ ...rest, weights: fsrsWeights }));

const ContextRow = z.object({
  earlier_kind: z.enum(["log", "undo"]).nullable(),
  earlier_user: z.string().nullable(),
  earlier_card: z.string().nullable(),
  card: StudyCardJsonSchema.nullable(),
  state: CardStateJsonSchema.nullable(),
  settings: SettingsJsonSchema.nullable(),
  module_retention: z.number().nullable(),
});

export async function selectReviewContext(db: Db, userId: string, cardId: string, reviewId: string): Promise<ReviewContext> {
  const rows = await queryRows(
    db,
    ContextRow,
    Prisma.sql`
    WITH earlier AS (
      SELECT 'log' AS kind, "userId", "cardId"::text FROM review_log WHERE id = ${reviewId}::uuid
      UNION ALL
      SELECT 'undo', "userId", "cardId"::text FROM review_undo WHERE id = ${reviewId}::uuid
      LIMIT 1)
    SELECT
      (SELECT kind FROM earlier) AS earlier_kind,
      (SELECT "userId" FROM earlier) AS earlier_user,
      (SELECT "cardId" FROM earlier) AS earlier_card,
      (SELECT json_build_object('id', c.id, 'moduleId', c."moduleId", 'kind', c.kind, 'role', c.role, 'front', c.front,
              'back', c.back, 'commonWrongAnswer', c."commonWrongAnswer", 'topic', c.topic, 'difficulty', c.difficulty,
              'position', c.position, 'contentHash', c."contentHash",
              'exerciseSlug', c."exerciseSlug")
         FROM card c JOIN module m ON m.id = c."moduleId"
         JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = ${userId}
         WHERE c.id = ${cardId}::uuid AND c."archivedAt" IS NULL AND (m.scope = 'public' OR m.scope = ${userId})) AS card,
      (SELECT row_to_json(s) FROM card_state s WHERE s."userId" = ${userId} AND s."cardId" = ${cardId}::uuid) AS state,
      (SELECT json_build_object('desiredRetention', u."desiredRetention", 'maximumIntervalDays', u."maximumIntervalDays",
              'fsrsWeights', u."fsrsWeights", 'timeZone', u."timeZone", 'dayStartHour', u."dayStartHour")
         FROM user_settings u WHERE u."userId" = ${userId}) AS settings,
      (SELECT e."desiredRetention" FROM card c JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = ${userId}
         WHERE c.id = ${cardId}::uuid) AS module_retention`,
    "selectReviewContext",
  );
  const row = rows[0];
  if (!row) throw new Error("review context query returned no row");
  return {
    earlier: row.earlier_kind && row.earlier_user && row.earlier_card ? { kind: row.earlier_kind, userId: row.earlier_user, cardId: row.earlier_card } : null,
    card: row.card,
    state: row.state,
    settings: row.settings,
    moduleRetention: row.module_retention,
  };
}
