// What the simulator reads about a user: the memory states of the cards they
// study, how many cards they have not seen yet, and how they answer (how they
// rate and how long an answer takes, from their recent review log).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { CountColumn, DateColumn, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES, type SchedulingState } from "../scheduling";
import type { AnswerSeconds, RatingHabits, RatingOdds } from "./simulate-workload";

/** Reviews of the log the habits are read from (the latest). */
const RECENT_REVIEWS = 10_000;
/** Fewest answers of a kind before the user's own odds replace the defaults. */
const MIN_ANSWERS_FOR_ODDS = 20;
/** Answers longer than this count as this long (the phone was put down). */
const LONGEST_ANSWER_MS = 120_000;

/** How a learner rates when their log is too short to say: FSRS's simulator's defaults. */
export const DEFAULT_HABITS: RatingHabits = {
  firstSight: [0.24, 0.094, 0.495, 0.171],
  recalled: [0, 0.224, 0.631, 0.145],
  step: [0.1, 0.05, 0.8, 0.05],
};
/** Seconds per answer when the log has no timings for a kind. */
export const DEFAULT_SECONDS: AnswerSeconds = { firstSight: 20, recalled: 8, forgotten: 23, step: 12 };

const StateRowSchema = z.object({
  due: DateColumn,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.enum(FSRS_STATE_NAMES),
  lastReview: DateColumn.nullable(),
});

/** Cards of modules the user studies (enrolled, switched on, unarchived), neither suspended nor new: their memory states. */
export async function selectStudiedStates(db: Db, userId: string): Promise<SchedulingState[]> {
  return queryRows(
    db,
    StateRowSchema,
    Prisma.sql`
      SELECT s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps, s.lapses, s.state::text AS state, s."lastReview"
      FROM card_state s
      JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL
      JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId" AND e.studying
      WHERE s."userId" = ${userId} AND s."suspendedAt" IS NULL AND s.state <> 'NEW'`,
    "selectStudiedStates",
  );
}

/** Cards of the modules the user studies that they have never reviewed (no state, or a NEW one not suspended). */
export async function countUnseenCards(db: Db, userId: string): Promise<number> {
  const rows = await queryRows(
    db,
    z.object({ count: CountColumn }),
    Prisma.sql`
      SELECT count(*) AS count
      FROM enrollment e
      JOIN card c ON c."moduleId" = e."moduleId" AND c."archivedAt" IS NULL
      LEFT JOIN card_state s ON s."cardId" = c.id AND s."userId" = e."userId"
      WHERE e."userId" = ${userId} AND e.studying AND (s.id IS NULL OR (s.state = 'NEW' AND s."suspendedAt" IS NULL))`,
    "countUnseenCards",
  );
  return rows[0]?.count ?? 0;
}

const HabitRowSchema = z.object({
  kind: z.enum(["first", "review", "step"]),
  rating: z.number().int().min(1).max(4),
  count: z.number().int(),
  timed: z.number().int(),
  medianMs: z.number().nullable(),
});
type HabitRow = z.infer<typeof HabitRowSchema>;

/** The user's answering habits and times, with where each came from. */
export type AnswerProfile = { habits: RatingHabits; seconds: AnswerSeconds; fromLog: { habits: boolean; seconds: boolean } };

/** How the user answers, from their latest {@link RECENT_REVIEWS} reviews: rating odds per kind and median seconds per kind. */
export async function selectAnswerProfile(db: Db, userId: string): Promise<AnswerProfile> {
  const rows = await queryRows(
    db,
    HabitRowSchema,
    Prisma.sql`
      WITH recent AS (
        SELECT state, rating, "durationMs" FROM review_log WHERE "userId" = ${userId} ORDER BY "reviewedAt" DESC LIMIT ${RECENT_REVIEWS}
      )
      SELECT CASE WHEN state = 'NEW' THEN 'first' WHEN state = 'REVIEW' THEN 'review' ELSE 'step' END AS kind, rating,
        count(*)::int AS count, count("durationMs")::int AS timed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY LEAST("durationMs", ${LONGEST_ANSWER_MS})) AS "medianMs"
      FROM recent GROUP BY 1, 2`,
    "selectAnswerProfile",
  );
  return answerProfile(rows);
}

/** Rows of {@link selectAnswerProfile}'s query → habits and seconds, each kind falling back to the defaults when its rows are too few. Exported for tests. */
export function answerProfile(rows: readonly HabitRow[]): AnswerProfile {
  const of = (kind: HabitRow["kind"], ratings: readonly number[]) => rows.filter((r) => r.kind === kind && ratings.includes(r.rating));
  const odds = (picked: readonly HabitRow[], fallback: RatingOdds): RatingOdds | null => {
    const total = picked.reduce((n, r) => n + r.count, 0);
    if (total < MIN_ANSWERS_FOR_ODDS) return null;
    const share = (rating: number) => picked.filter((r) => r.rating === rating).reduce((n, r) => n + r.count, 0) / total;
    return fallback[0] === 0 ? [0, share(2), share(3), share(4)] : [share(1), share(2), share(3), share(4)];
  };
  const seconds = (picked: readonly HabitRow[]): number | null => {
    const timed = picked.filter((r) => r.timed > 0 && r.medianMs !== null);
    const total = timed.reduce((n, r) => n + r.timed, 0);
    if (total < MIN_ANSWERS_FOR_ODDS) return null;
    return timed.reduce((sum, r) => sum + (r.medianMs ?? 0) * r.timed, 0) / total / 1000;
  };
  const habits = {
    firstSight: odds(of("first", [1, 2, 3, 4]), DEFAULT_HABITS.firstSight),
    recalled: odds(of("review", [2, 3, 4]), DEFAULT_HABITS.recalled),
    step: odds(of("step", [1, 2, 3, 4]), DEFAULT_HABITS.step),
  };
  const times = {
    firstSight: seconds(of("first", [1, 2, 3, 4])),
    recalled: seconds(of("review", [2, 3, 4])),
    forgotten: seconds(of("review", [1])),
    step: seconds(of("step", [1, 2, 3, 4])),
  };
  return {
    habits: {
      firstSight: habits.firstSight ?? DEFAULT_HABITS.firstSight,
      recalled: habits.recalled ?? DEFAULT_HABITS.recalled,
      step: habits.step ?? DEFAULT_HABITS.step,
    },
    seconds: {
      firstSight: times.firstSight ?? DEFAULT_SECONDS.firstSight,
      recalled: times.recalled ?? DEFAULT_SECONDS.recalled,
      forgotten: times.forgotten ?? DEFAULT_SECONDS.forgotten,
      step: times.step ?? DEFAULT_SECONDS.step,
    },
    fromLog: { habits: Object.values(habits).some((h) => h !== null), seconds: Object.values(times).some((t) => t !== null) },
  };
}
