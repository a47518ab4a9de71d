// Data access for grill_session and grill_item, always through the owner:
// another user's grill reads as missing.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { Card, GrillItem, GrillSession } from "../db/generated/client";
import { notFound } from "../errors/app-error";
import type { InterviewCandidate } from "./draw-items";

/** A grill's items are judged against their card's current text. */
export type GrillItemRow = GrillItem & {
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

/** The user's grill with its items in order, or null (missing or someone else's). */
export async function selectOptionalGrill(db: Db, userId: string, grillId: string): Promise<GrillRow | null> {
  return db.grillSession.findFirst({ where: { id: grillId, userId }, include: withItems });
}

/** The user's grill with its items; NOT_FOUND when missing or someone else's. */
export async function selectGrill(db: Db, userId: string, grillId: string): Promise<GrillRow> {
  const grill = await selectOptionalGrill(db, userId, grillId);
  if (!grill) throw notFound("Grill");
  return grill;
}

/**
 * Locks the user's grill row for the rest of the transaction, so answers and
 * the finish of one grill happen one at a time. NOT_FOUND when not theirs.
 */
export async function lockGrill(db: Db, userId: string, grillId: string): Promise<void> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id::text FROM grill_session WHERE id = ${grillId}::uuid AND "userId" = ${userId} FOR UPDATE`);
  if (rows.length === 0) throw notFound("Grill");
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

/** Modules the user studies (enrolled, public or their own), in enrolment order, with their interview cards. */
export async function selectGrillModules(db: Db, userId: string): Promise<{ id: string; title: string; interview: InterviewCandidate[] }[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId, module: { OR: [{ scope: "public" }, { scope: userId }] } },
    orderBy: [{ enrolledAt: "asc" }, { moduleId: "asc" }],
    select: {
      module: {
        select: {
          id: true,
          title: true,
          cards: { where: { role: "INTERVIEW", archivedAt: null }, select: { id: true, topic: true, difficulty: true } },
        },
      },
    },
  });
  return enrollments.map(({ module }) => ({
    id: module.id,
    title: module.title,
    interview: module.cards.map((c) => ({ cardId: c.id, topic: c.topic, difficulty: c.difficulty })),
  }));
}

/** The module's live exercise card for an exercise, if it has one (a failed numeric item makes it due). */
export async function selectExerciseCardId(db: Db, moduleId: string, slug: string): Promise<string | null> {
  const card = await db.card.findFirst({
    where: { moduleId, kind: "EXERCISE", exerciseSlug: slug, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return card?.id ?? null;
}
