// Builders for grill tests: a public module with interview cards (key points,
// topics, difficulties) and an exercise card for every quick exercise, so any
// numeric item a grill draws has a card to send back to the queue.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { EXERCISES } from "@/exercises";
import { formatStepValue } from "@/lib/grading";
import { quickExercises } from "@/lib/grills/numeric-pool";
import * as float64 from "@/lib/reference/float64";
import { enroll } from "./fixtures";

export type InterviewSpec = { topic: string; difficulty?: "EASY" | "MEDIUM" | "HARD"; keyPoints?: string[] };

export type GrillModule = { moduleId: string; interviewIds: string[]; exerciseCardIds: Map<string, string> };

/** A public module with one interview card per spec, then the exercise cards; the user is enrolled in it. */
export async function createGrillModule(db: PrismaClient, userId: string, interview: InterviewSpec[]): Promise<GrillModule> {
  const module = await db.module.create({
    data: { scope: "public", slug: `grill-${randomUUID().slice(0, 8)}`, title: "Grill module", sourceHash: "test" },
  });
  const interviewIds: string[] = [];
  for (const [i, spec] of interview.entries()) {
    const card = await db.card.create({
      data: {
        moduleId: module.id,
        externalId: `iq-${i}`,
        kind: "BASIC",
        role: "INTERVIEW",
        front: `Interview question ${i}?`,
        back: `The strong answer to question ${i}.`,
        commonWrongAnswer: `A tempting wrong answer ${i}.`,
        keyPoints: spec.keyPoints ?? ["first point", "second point", "third point"],
        topic: spec.topic,
        difficulty: spec.difficulty ?? "MEDIUM",
        siblingKey: `iq-${i}`,
        position: i,
        contentHash: `iq-${i}`,
      },
    });
    interviewIds.push(card.id);
  }
  const exerciseCardIds = new Map<string, string>();
  for (const [j, candidate] of quickExercises(EXERCISES).entries()) {
    const position = interview.length + j;
    const card = await db.card.create({
      data: {
        moduleId: module.id,
        externalId: `ex-${candidate.slug}`,
        kind: "EXERCISE",
        front: `Exercise ${candidate.slug}`,
        back: "",
        topic: candidate.topic,
        difficulty: candidate.difficulty,
        siblingKey: `ex-${candidate.slug}`,
        exerciseSlug: candidate.slug,
        position,
        contentHash: `ex-${position}`,
      },
    });
    exerciseCardIds.set(candidate.slug, card.id);
  }
  await enroll(db, userId, module.id);
  return { moduleId: module.id, interviewIds, exerciseCardIds };
}

/** The reference answer of every step, as a learner would type it. */
export function rightAnswers(slug: string, seed: number): Record<string, string> {
  const exercise = EXERCISES.find((e) => e.slug === slug);
  if (!exercise) throw new Error(`no exercise ${slug}`);
  const values = exercise.solve(seed, float64);
  return Object.fromEntries(exercise.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? 0, 12)]));
}

/** A readable but wrong answer for every step of the exercise (zeros of the right shape). */
export function wrongAnswers(slug: string, seed: number): Record<string, string> {
  const exercise = EXERCISES.find((e) => e.slug === slug);
  if (!exercise) throw new Error(`no exercise ${slug}`);
  const values = exercise.solve(seed, float64);
  const zero = (v: unknown): unknown => (Array.isArray(v) ? v.map(zero) : 12345.678);
  return Object.fromEntries(exercise.steps.map((s) => [s.key, JSON.stringify(zero(values[s.key]))]));
}
