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
import { PresetOptionsRowSchema } from "../data/scheduling-preset";
import type { LeechAction, SchedulerSettings } from "../scheduling";

/** What a review is scheduled with: the card's module's options over the learner's settings. */
export type ReviewSettings = SchedulerSettings & {
  timeZone: string;
  dayStartHour: number;
  leechThreshold: number;
  leechAction: LeechAction;
  loadBalancing: boolean;
  easyDays: number[];
};

export type ReviewContext = {
  /** The user and card of an earlier log row or undo tombstone with this review id. */
  earlier: { kind: "log" | "undo"; userId: string; cardId: string } | null;
  card: StudyCard | null;
  state: CardState | null;
  /** Null when the user has no settings row yet (defaults apply). */
  settings: ReviewUserSettings | null;
  /** The card's module's preset and own values, or null when it follows the learner's settings. */
  module: ReviewModuleSettings | null;
};

const SettingsJsonSchema = PresetOptionsRowSchema.extend({
  maximumIntervalDays: z.number().int(),
  fsrsWeights: z.array(z.number()),
  timeZone: z.string(),
  dayStartHour: z.number().int(),
  loadBalancing: z.boolean(),
  easyDays: z.array(z.number().int()),
});
export type ReviewUserSettings = z.output<typeof SettingsJsonSchema>;

const ModuleJsonSchema = z.object({
  presetId: z.string().nullable(),
  desiredRetention: z.number().nullable(),
  newCardsPerDay: z.number().int().nullable(),
  preset: PresetOptionsRowSchema.nullable(),
});
export type ReviewModuleSettings = z.output<typeof ModuleJsonSchema>;

const ContextRow = z.object({
  earlier_kind: z.enum(["log", "undo"]).nullable(),
  earlier_user: z.string().nullable(),
  earlier_card: z.string().nullable(),
  card: StudyCardJsonSchema.nullable(),
  state: CardStateJsonSchema.nullable(),
  settings: SettingsJsonSchema.nullable(),
  module_settings: ModuleJsonSchema.nullable(),
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
      (SELECT to_jsonb(u) FROM user_settings u WHERE u."userId" = ${userId}) AS settings,
      (SELECT json_build_object('presetId', e."presetId", 'desiredRetention', e."desiredRetention", 'newCardsPerDay', e."newCardsPerDay",
              'preset', (SELECT to_jsonb(p) FROM scheduling_preset p WHERE p.id = e."presetId"))
         FROM card c JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = ${userId}
         WHERE c.id = ${cardId}::uuid) AS module_settings`,
    "selectReviewContext",
  );
  const row = rows[0];
  if (!row) throw new Error("review context query returned no row");
  return {
    earlier: row.earlier_kind && row.earlier_user && row.earlier_card ? { kind: row.earlier_kind, userId: row.earlier_user, cardId: row.earlier_card } : null,
    card: row.card,
    state: row.state,
    settings: row.settings,
    module: row.module_settings,
  };
}
