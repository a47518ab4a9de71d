// Builders for stats and export tests: card states and review-log rows with
// chosen times, written directly so a test controls every timestamp.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";

type FsrsState = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

export async function insertState(
  db: PrismaClient,
  userId: string,
  cardId: string,
  options: { due: Date; state?: FsrsState; suspendedAt?: Date | null; stability?: number },
): Promise<void> {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due: options.due,
      stability: options.stability ?? 12.5,
      difficulty: 5.25,
      elapsedDays: 3,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 4,
      lapses: 1,
      state: options.state ?? "REVIEW",
      lastReview: new Date(options.due.getTime() - 10 * 86_400_000),
      suspendedAt: options.suspendedAt ?? null,
      version: 4,
    },
  });
}

export async function insertReview(
  db: PrismaClient,
  userId: string,
  cardId: string,
  options: { reviewedAt: Date; rating?: 1 | 2 | 3 | 4; state?: FsrsState; durationMs?: number | null; id?: string },
): Promise<string> {
  const id = options.id ?? randomUUID();
  await db.reviewLog.create({
    data: {
      id,
      userId,
      cardId,
      rating: options.rating ?? 3,
      state: options.state ?? "REVIEW",
      due: new Date(options.reviewedAt.getTime() - 86_400_000),
      stability: 8.5,
      difficulty: 4.75,
      elapsedDays: 6,
      lastElapsedDays: 2,
      scheduledDays: 7,
      learningSteps: 0,
      reviewedAt: options.reviewedAt,
      durationMs: options.durationMs === undefined ? 5200 : options.durationMs,
      stateBefore: {},
      stateVersionAfter: 1,
    },
  });
  return id;
}
