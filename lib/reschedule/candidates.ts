// Reads review cards to reschedule, a page at a time in card-id order, with
// their review logs: two statements per page, whatever its size.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES } from "../scheduling";
import type { LoggedReview } from "./memory-state";
import type { RescheduleCandidate } from "./plan";

/** Sorts before every card id: where paging starts. */
export const FIRST_CARD_ID = "00000000-0000-0000-0000-000000000000";

const CandidateRow = z.object({
  cardId: z.string(),
  moduleId: z.string(),
  version: z.number().int(),
  due: DateColumn,
  scheduledDays: z.number().int(),
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  reps: z.number().int(),
  lastReview: DateColumn,
});

const LogRow = z.object({ cardId: z.string(), rating: z.number().int(), state: z.enum(FSRS_STATE_NAMES), reviewedAt: DateColumn });

/** A card_state row `s` a reschedule recomputes: in FSRS review state, not suspended, reviewed at least once. */
export const RESCHEDULE_CANDIDATE_SQL = Prisma.sql`s.state = 'REVIEW' AND s."suspendedAt" IS NULL AND s."lastReview" IS NOT NULL`;

/**
 * Up to `limit` of the user's cards in FSRS review state (not new, not in
 * (re)learning steps, not suspended, reviewed at least once) with ids after
 * `afterCardId`, each with its review log in time order.
 */
export async function selectRescheduleCandidates(db: Db, userId: string, afterCardId: string, limit: number): Promise<RescheduleCandidate[]> {
  const cards = await queryRows(
    db,
    CandidateRow,
    Prisma.sql`SELECT s."cardId"::text AS "cardId", c."moduleId"::text AS "moduleId", s.version, s.due, s."scheduledDays", s.stability,
        s.difficulty, s."elapsedDays", s.reps, s."lastReview"
      FROM card_state s JOIN card c ON c.id = s."cardId"
      WHERE s."userId" = ${userId} AND ${RESCHEDULE_CANDIDATE_SQL} AND s."cardId" > ${afterCardId}::uuid
      ORDER BY s."cardId" LIMIT ${limit}`,
    "selectRescheduleCandidates",
  );
  if (cards.length === 0) return [];
  const logs = await queryRows(
    db,
    LogRow,
    Prisma.sql`SELECT "cardId"::text AS "cardId", rating, state::text AS state, "reviewedAt" FROM review_log
      WHERE "userId" = ${userId} AND "cardId" = ANY(${cards.map((c) => c.cardId)}::uuid[])
      ORDER BY "cardId", "reviewedAt"`,
    "selectRescheduleLogs",
  );
  const byCard = new Map<string, LoggedReview[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  return cards.map(({ cardId, moduleId, version, ...state }) => ({ cardId, moduleId, version, state, reviews: byCard.get(cardId) ?? [] }));
}
