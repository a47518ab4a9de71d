// A learner's attempts: the recent ones at an exercise, and how often each
// misconception has shown up in their work.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { CountColumn, DateColumn, queryRows } from "../db/rows";

export type AttemptSummary = {
  id: string;
  seed: number;
  score: number;
  correct: boolean;
  misconceptions: string[];
  /** Made once the variant's answers (or a drawing's reference) had been shown: no credit. */
  afterReveal: boolean;
  createdAt: Date;
};

/** The user's most recent attempts at one exercise, newest first. */
export async function listRecentAttempts(db: Db, userId: string, slug: string, limit = 10): Promise<AttemptSummary[]> {
  return db.exerciseAttempt.findMany({
    where: { userId, exerciseSlug: slug },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, seed: true, score: true, correct: true, misconceptions: true, afterReveal: true, createdAt: true },
  });
}

export type MisconceptionCount = { exerciseSlug: string; code: string; count: number; lastSeen: Date };

/** How many of the user's attempts showed each misconception, most frequent first. */
export async function countMisconceptions(db: Db, userId: string): Promise<MisconceptionCount[]> {
  return queryRows(
    db,
    z.object({ exerciseSlug: z.string(), code: z.string(), count: CountColumn, lastSeen: DateColumn }),
    Prisma.sql`
    SELECT a."exerciseSlug", m.code, count(*) AS count, max(a."createdAt") AS "lastSeen"
    FROM exercise_attempt a CROSS JOIN LATERAL unnest(a.misconceptions) AS m(code)
    WHERE a."userId" = ${userId}
    GROUP BY a."exerciseSlug", m.code
    ORDER BY count DESC, "lastSeen" DESC`,
    "countMisconceptions",
  );
}
