// Data access for card. A card is visible to a user when its module is public
// or the user's own and the user is enrolled in it (the rule the review
// context and the queue queries apply in SQL).
import { z } from "zod";
import type { Card } from "../db/generated/client";
import type { Db } from "../db/client";

export type { Card };

/** The card columns a review and the client's view of a card need. */
export type StudyCard = Pick<
  Card,
  "id" | "moduleId" | "kind" | "role" | "front" | "back" | "commonWrongAnswer" | "topic" | "difficulty" | "position" | "contentHash" | "exerciseSlug"
>;

/** {@link StudyCard} as json_build_object gives it in a raw statement. */
export const StudyCardJsonSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  kind: z.enum(["BASIC", "REVERSED", "CLOZE", "EXERCISE"]),
  role: z.enum(["RECALL", "INTERVIEW"]),
  front: z.string(),
  back: z.string(),
  commonWrongAnswer: z.string().nullable(),
  topic: z.string(),
  difficulty: z.enum(["EASY", "MEDIUM", "HARD"]),
  position: z.number().int(),
  contentHash: z.string(),
  exerciseSlug: z.string().nullable(),
}) satisfies z.ZodType<StudyCard, unknown>;

/** The module's live exercise card for an exercise slug (the first by position), or null. */
export async function selectExerciseCardId(db: Db, moduleId: string, slug: string): Promise<string | null> {
  const card = await db.card.findFirst({
    where: { moduleId, kind: "EXERCISE", exerciseSlug: slug, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  return card?.id ?? null;
}

/** Where a card sits in its module (undo of a first review lowers the new-card cursor to it). */
export async function selectCardPlace(db: Db, cardId: string): Promise<{ moduleId: string; position: number }> {
  return db.card.findUniqueOrThrow({ where: { id: cardId }, select: { moduleId: true, position: true } });
}
