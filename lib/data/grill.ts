// Data access for grill_session and grill_item, always through the owner:
// another user's grill reads as missing. Every write of either table is here
// (starting, showing, answering, self-grading and finishing a grill), each
// stamped with the caller's `now`; a numeric item's `result` is parsed on read.
import { z } from "zod";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Card, GrillItem, GrillSession, PrismaClient } from "../db/generated/client";
import { parseStored } from "../db/rows";
import { notFound } from "../errors/app-error";
import { StoredStepSchema } from "./exercise-attempt";
import { lockUserRow } from "./user-row-lock";

/** What a numeric item keeps in `grill_item.result`: the grade as the learner saw it. */
export const NumericResultSchema = z.object({
  answers: z.record(z.string(), z.string()),
  score: z.number(),
  correct: z.boolean(),
  steps: z.array(StoredStepSchema),
  misconceptions: z.array(z.string()),
  /** The exercise_attempt written for it (the item's id), or null when nothing could be stored. */
  attemptId: z.string().nullable(),
});
export type NumericResult = z.infer<typeof NumericResultSchema>;

/** A grill's item, judged against its card's current text. */
export type GrillItemRow = Omit<GrillItem, "result"> & {
  result: NumericResult | null;
  card: Pick<Card, "id" | "front" | "back" | "commonWrongAnswer" | "keyPoints" | "difficulty" | "contentHash" | "archivedAt"> | null;
};
export type GrillRow = GrillSession & { module: { title: string }; items: GrillItemRow[] };

const withItems = {
  module: { select: { title: true } },
  items: {
    orderBy: { position: "asc" },
    include: {
      card: { select: { id: true, front: true, back: true, commonWrongAnswer: true, keyPoints: true, difficulty: true, contentHash: true, archivedAt: true } },
    },
  },
} as const satisfies Prisma.GrillSessionInclude;

function parsedItem<T extends { id: string; result: unknown }>(item: T): Omit<T, "result"> & { result: NumericResult | null } {
  return { ...item, result: item.result === null ? null : parseStored(NumericResultSchema, item.result, `grill_item ${item.id} result`) };
}

/** The user's grill with its items in order, or null (missing or someone else's). */
export async function selectOptionalGrill(db: Db, userId: string, grillId: string): Promise<GrillRow | null> {
  const grill = await db.grillSession.findFirst({ where: { id: grillId, userId }, include: withItems });
  return grill ? { ...grill, items: grill.items.map(parsedItem) } : null;
}

/** The user's grill with its items; NOT_FOUND when missing or someone else's. */
export async function selectGrill(db: Db, userId: string, grillId: string): Promise<GrillRow> {
  const grill = await selectOptionalGrill(db, userId, grillId);
  if (!grill) throw notFound("Grill");
  return grill;
}

/** The owner of grill `grillId`, whoever it is, or null when no grill has that id (a retried start). */
export async function selectGrillOwner(db: Db, grillId: string): Promise<string | null> {
  const row = await db.grillSession.findUnique({ where: { id: grillId }, select: { userId: true } });
  return row?.userId ?? null;
}

/**
 * Locks the user's grill row for the rest of the transaction, so answers and
 * the finish of one grill happen one at a time. NOT_FOUND when not theirs.
 */
export async function lockGrill(db: Db, userId: string, grillId: string): Promise<void> {
  if (!(await lockUserRow(db, "grill_session", userId, grillId))) throw notFound("Grill");
}

/** How many recent grills of a module count as "recent" when drawing. */
export const RECENT_GRILLS = 3;

/** Cards and exercises asked in the user's latest grills of this module. */
export async function selectRecentlyAsked(db: Db, userId: string, moduleId: string): Promise<{ cardIds: Set<string>; slugs: Set<string> }> {
  const grills = await db.grillSession.findMany({
    where: { userId, moduleId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: RECENT_GRILLS,
    select: { items: { select: { cardId: true, exerciseSlug: true } } },
  });
  const items = grills.flatMap((g) => g.items);
  return {
    cardIds: new Set(items.flatMap((i) => (i.cardId ? [i.cardId] : []))),
    slugs: new Set(items.flatMap((i) => (i.exerciseSlug ? [i.exerciseSlug] : []))),
  };
}

export type GrillSessionSummary = GrillSession & { moduleTitle: string; itemCount: number };

/** The user's grills, newest start first (ties by id), at most `limit`. */
export async function selectGrillSessions(db: Db, userId: string, limit: number): Promise<GrillSessionSummary[]> {
  const rows = await db.grillSession.findMany({
    where: { userId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { module: { select: { title: true } }, _count: { select: { items: true } } },
  });
  return rows.map(({ module, _count, ...session }) => ({ ...session, moduleTitle: module.title, itemCount: _count.items }));
}

export type NewGrill = {
  id: string;
  userId: string;
  moduleId: string;
  difficulty: GrillSession["difficulty"];
  secondsPerItem: number;
  items: { position: number; topic: string; question: { cardId: string } | { exerciseSlug: string; seed: number } }[];
};

/** Stores a grill started at `now` with all its items, in one transaction. A reused id fails with a unique violation. */
export async function insertGrill(db: PrismaClient, grill: NewGrill, now: Date): Promise<void> {
  const session = {
    id: grill.id,
    userId: grill.userId,
    moduleId: grill.moduleId,
    difficulty: grill.difficulty,
    secondsPerItem: grill.secondsPerItem,
    startedAt: now,
  };
  const items = grill.items.map((item) => ({ grillId: grill.id, position: item.position, topic: item.topic, ...item.question }));
  await db.$transaction([db.grillSession.create({ data: session }), db.grillItem.createMany({ data: items })]);
}

/**
 * Sets item `position`'s `shownAt` to `now` unless already set, answered, or
 * the grill finished; the conditions in the update make two racing requests
 * (or an answer) safe. True when this call set it.
 */
export async function markGrillItemShown(db: Db, grillId: string, position: number, now: Date): Promise<boolean> {
  const { count } = await db.grillItem.updateMany({
    where: { grillId, position, shownAt: null, answeredAt: null, grill: { finishedAt: null } },
    data: { shownAt: now },
  });
  return count > 0;
}

/** What answering an item stores: the answer as text, the time it took, and for a numeric item its grade and score. */
export type ItemAnswer = { answer: string; timeMs: number; result?: NumericResult; score?: number };

/** Records the answer to an item, answered at `now`; returns the item's columns after it. */
export async function updateGrillItemAnswer(db: Db, itemId: string, answer: ItemAnswer, now: Date): Promise<Omit<GrillItemRow, "card">> {
  const saved = await db.grillItem.update({ where: { id: itemId }, data: { ...answer, answeredAt: now } });
  return parsedItem(saved);
}

/** Records an interview item's self-grade: the key points ticked and the score; returns the item's columns after it. */
export async function updateGrillItemKeyPoints(db: Db, itemId: string, keyPointsHit: number[], score: number): Promise<Omit<GrillItemRow, "card">> {
  const saved = await db.grillItem.update({ where: { id: itemId }, data: { keyPointsHit, score } });
  return parsedItem(saved);
}

/** Settles an item at the finish: its final score, and `requeuedAt` when its card was made due. */
export async function updateGrillItemSettled(db: Db, itemId: string, settled: { score: number | null; requeuedAt?: Date }): Promise<void> {
  await db.grillItem.update({ where: { id: itemId }, data: settled });
}

/** Marks the grill finished at `now` with its score (0..1); returns the session's columns after it. */
export async function updateGrillFinished(db: Db, grillId: string, score: number, now: Date): Promise<GrillSession> {
  return db.grillSession.update({ where: { id: grillId }, data: { finishedAt: now, score } });
}
