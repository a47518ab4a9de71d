// Everything recording a review reads, in one round trip: whether the review
// id was seen before, the card (only if the user may study it), the user's
// state of it and their settings. The review post is the hottest write path,
// so this replaces five separate lookups.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Card } from "../data/card";
import type { CardState } from "../data/card-state";
import type { SchedulerSettings } from "../scheduling";

export type ReviewSettings = SchedulerSettings & { timeZone: string; dayStartHour: number };

export type ReviewContext = {
  /** The user and card of an earlier log row or undo tombstone with this review id. */
  earlier: { kind: "log" | "undo"; userId: string; cardId: string } | null;
  card: Pick<Card, "id" | "moduleId" | "kind" | "role" | "front" | "back" | "commonWrongAnswer" | "topic" | "difficulty" | "position" | "contentHash" | "exerciseSlug"> | null;
  state: CardState | null;
  /** Null when the user has no settings row yet (defaults apply). */
  settings: ReviewSettings | null;
};

type Row = {
  earlier_kind: "log" | "undo" | null;
  earlier_user: string | null;
  earlier_card: string | null;
  card: ReviewContext["card"] | null;
  state: (Omit<CardState, "due" | "lastReview" | "suspendedAt" | "createdAt" | "updatedAt"> & Record<"due" | "lastReview" | "suspendedAt" | "createdAt" | "updatedAt", string | null>) | null;
  settings: { desiredRetention: number; maximumIntervalDays: number; fsrsWeights: number[]; timeZone: string; dayStartHour: number } | null;
};

export async function selectReviewContext(db: Db, userId: string, cardId: string, reviewId: string): Promise<ReviewContext> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
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
         FROM user_settings u WHERE u."userId" = ${userId}) AS settings`);
  const row = rows[0];
  if (!row) throw new Error("review context query returned no row");
  return {
    earlier: row.earlier_kind && row.earlier_user && row.earlier_card
      ? { kind: row.earlier_kind, userId: row.earlier_user, cardId: row.earlier_card }
      : null,
    card: row.card,
    state: row.state ? toCardState(row.state) : null,
    settings: row.settings
      ? {
          desiredRetention: row.settings.desiredRetention,
          maximumIntervalDays: row.settings.maximumIntervalDays,
          weights: row.settings.fsrsWeights,
          timeZone: row.settings.timeZone,
          dayStartHour: row.settings.dayStartHour,
        }
      : null,
  };
}

/** row_to_json gives timestamps as ISO text without a zone; the columns hold UTC. */
function toCardState(json: NonNullable<Row["state"]>): CardState {
  const date = (value: string | null) => (value === null ? null : new Date(value.endsWith("Z") ? value : `${value}Z`));
  return {
    ...json,
    due: date(json.due) ?? new Date(0),
    lastReview: date(json.lastReview),
    suspendedAt: date(json.suspendedAt),
    createdAt: date(json.createdAt) ?? new Date(0),
    updatedAt: date(json.updatedAt) ?? new Date(0),
  };
}
