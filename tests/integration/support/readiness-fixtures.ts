// Builders for checklist and readiness tests: the built-in course imported as
// a public module, attempts and reviews written with controlled times.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { seedCourse } from "@/lib/content/seed-course";

export const COURSE_SLUG = "transformer-architecture";

/** Imports the built-in course (public) and returns its module id. */
export async function seedCourseModule(db: PrismaClient, now = new Date("2026-11-01T00:00:00Z")): Promise<string> {
  const report = await seedCourse(db, undefined, now);
  return report.module.id;
}

/** The id of the course's checklist item with this external id ("hc-causal-mask"). */
export async function checklistItemId(db: PrismaClient, moduleId: string, externalId: string): Promise<string> {
  const item = await db.checklistItem.findUniqueOrThrow({ where: { moduleId_externalId: { moduleId, externalId } } });
  return item.id;
}

/** Stores an attempt as the grader would, at `createdAt`. */
export async function insertAttempt(
  db: PrismaClient,
  userId: string,
  exerciseSlug: string,
  createdAt: Date,
  options: { correct: boolean; misconceptions?: string[] },
): Promise<string> {
  const id = randomUUID();
  await db.exerciseAttempt.create({
    data: {
      id,
      userId,
      exerciseSlug,
      seed: 1,
      answers: {},
      steps: [],
      score: options.correct ? 1 : 0.5,
      correct: options.correct,
      misconceptions: options.misconceptions ?? [],
      backend: "float64",
      gradingMs: 0.1,
      createdAt,
    },
  });
  return id;
}

/** Appends a review-log row for `cardId` (state before the review, rating 1–4) at `reviewedAt`. */
export async function insertReviewLog(
  db: PrismaClient,
  userId: string,
  cardId: string,
  reviewedAt: Date,
  options: { state: "NEW" | "LEARNING" | "REVIEW" | "RELEARNING"; rating: number },
): Promise<void> {
  await db.reviewLog.create({
    data: {
      id: randomUUID(),
      userId,
      cardId,
      rating: options.rating,
      state: options.state,
      due: reviewedAt,
      stability: 5,
      difficulty: 5,
      elapsedDays: 3,
      lastElapsedDays: 3,
      scheduledDays: 3,
      learningSteps: 0,
      reviewedAt,
      stateBefore: {},
      stateVersionAfter: 1,
    },
  });
}
