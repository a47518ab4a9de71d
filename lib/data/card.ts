// Data access for card. A card is visible to a user when its module is public
// or the user's own and the user is enrolled in it (the rule the review
// context and the queue queries apply in SQL).
import { z } from "zod";
import type { Card } from "../db/generated/client";
import { Prisma, type Db } from "../db/client";
import { jsonRows } from "../db/json-rows";

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

/** Adds `tag` to each of `cardIds` that lacks it, stamping `now`; returns how many changed. */
export async function addCardTag(db: Db, cardIds: readonly string[], tag: string, now: Date): Promise<number> {
  if (cardIds.length === 0) return 0;
  return db.$executeRaw`UPDATE card SET tags = array_append(tags, ${tag}), "updatedAt" = ${now}
    WHERE id = ANY(${[...cardIds]}::uuid[]) AND NOT (${tag} = ANY(tags))`;
}

/** Removes `tag` from each of `cardIds` that has it, stamping `now`; returns how many changed. */
export async function removeCardTag(db: Db, cardIds: readonly string[], tag: string, now: Date): Promise<number> {
  if (cardIds.length === 0) return 0;
  return db.$executeRaw`UPDATE card SET tags = array_remove(tags, ${tag}), "updatedAt" = ${now}
    WHERE id = ANY(${[...cardIds]}::uuid[]) AND ${tag} = ANY(tags)`;
}

/**
 * Moves `cardIds` (in their order) to the end of module `moduleId`, after its
 * last position. Cards already there stay put. Returns the first position
 * given, or null when nothing moved. Fails with a unique violation when the
 * module already holds a card with one of their external ids.
 */
export async function moveCardsToModule(db: Db, cardIds: readonly string[], moduleId: string, now: Date): Promise<number | null> {
  const rows = await db.$queryRaw<{ position: number }[]>`
    WITH target AS (SELECT coalesce(max(position), -1) AS last FROM card WHERE "moduleId" = ${moduleId}::uuid),
    moving AS (
      SELECT c.id, row_number() OVER (ORDER BY c."moduleId", c.position, c.id)::int AS n
      FROM card c WHERE c.id = ANY(${[...cardIds]}::uuid[]) AND c."moduleId" <> ${moduleId}::uuid)
    UPDATE card SET "moduleId" = ${moduleId}::uuid, position = target.last + moving.n, "updatedAt" = ${now}
    FROM moving, target WHERE card.id = moving.id
    RETURNING card.position`;
  return rows.length === 0 ? null : Math.min(...rows.map((r) => r.position));
}

/** Deletes the cards with their states; review_log keeps their history (no foreign key). Returns how many. */
export async function deleteCards(db: Db, cardIds: readonly string[]): Promise<number> {
  if (cardIds.length === 0) return 0;
  const { count } = await db.card.deleteMany({ where: { id: { in: [...cardIds] } } });
  return count;
}

/** The card `id`; throws when missing (callers check visibility first). */
export async function selectCard(db: Db, id: string): Promise<Card> {
  return db.card.findUniqueOrThrow({ where: { id } });
}

/** A card with the module it sits in: who owns it decides who may edit it. */
export type CardWithModule = Card & { module: { id: string; scope: string; slug: string; title: string } };

export async function selectOptionalCardWithModule(db: Db, id: string): Promise<CardWithModule | null> {
  return db.card.findUnique({ where: { id }, include: { module: { select: { id: true, scope: true, slug: true, title: true } } } });
}

/** Every card of one note (live and archived), by external id. */
export async function selectNoteCards(db: Db, moduleId: string, siblingKey: string): Promise<Card[]> {
  return db.card.findMany({ where: { moduleId, siblingKey }, orderBy: [{ position: "asc" }, { externalId: "asc" }] });
}

/** The position after the module's last card (0 for an empty module). */
export async function selectNextCardPosition(db: Db, moduleId: string): Promise<number> {
  const last = await db.card.aggregate({ where: { moduleId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** The columns a note's card writes; `id` only when the caller chooses it. */
export type CardWrite = Pick<
  Card,
  | "externalId"
  | "kind"
  | "role"
  | "front"
  | "back"
  | "commonWrongAnswer"
  | "keyPoints"
  | "topic"
  | "tags"
  | "difficulty"
  | "siblingKey"
  | "noteSource"
  | "contentHash"
  | "position"
> & { id?: string };

/** Inserts cards written in the editor (origin EDITOR) into a module. */
export async function insertEditorCards(db: Db, moduleId: string, cards: readonly CardWrite[], now: Date): Promise<void> {
  await db.card.createMany({ data: cards.map((c) => ({ ...c, moduleId, origin: "EDITOR" as const, createdAt: now, updatedAt: now })) });
}

/** Rewrites one card's content from the editor (live again if archived); its schedule (card_state) is another table and stays. */
export async function updateEditorCard(db: Db, id: string, card: Omit<CardWrite, "id" | "externalId" | "position">, now: Date): Promise<void> {
  await db.card.update({ where: { id }, data: { ...card, origin: "EDITOR", archivedAt: null, updatedAt: now } });
}

/** Archives cards a note no longer gives (a cloze number removed); their history stays. */
export async function archiveCards(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length) await db.card.updateMany({ where: { id: { in: [...ids] } }, data: { archivedAt: now, updatedAt: now } });
}

/** What an import writes of a card (origin IMPORT): a note's columns but its external id, plus the exercise a card may name. */
export type ImportedCardWrite = Omit<CardWrite, "id" | "externalId"> & Pick<Card, "exerciseSlug">;

/** The record `json_to_recordset` reads an {@link ImportedCardWrite} as (see jsonRows). */
const IMPORTED_CARD_RECORD = Prisma.raw(`kind "CardKind", role "CardRole", front text, back text, "commonWrongAnswer" text, "keyPoints" text[],
  topic text, tags text[], difficulty "Difficulty", "siblingKey" text, "exerciseSlug" text, "noteSource" text, position int, "contentHash" text`);

/**
 * Inserts imported cards into module `moduleId` as of `now`, in one statement
 * (an import writes thousands: keep a batch to about a thousand so building
 * its JSON holds the event loop a few ms). Returns how many were inserted.
 */
export async function insertImportedCards(
  db: Db,
  moduleId: string,
  cards: readonly (ImportedCardWrite & { externalId: string })[],
  now: Date,
): Promise<number> {
  if (cards.length === 0) return 0;
  return db.$executeRaw`
    INSERT INTO card (id, "moduleId", "externalId", kind, role, front, back, "commonWrongAnswer", "keyPoints", topic, tags, difficulty,
      "siblingKey", "exerciseSlug", "noteSource", position, "contentHash", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${moduleId}::uuid, t."externalId", t.kind, t.role, t.front, t.back, t."commonWrongAnswer", coalesce(t."keyPoints", '{}'),
      t.topic, coalesce(t.tags, '{}'), t.difficulty, t."siblingKey", t."exerciseSlug", t."noteSource", t.position, t."contentHash", ${now}, ${now}
    FROM json_to_recordset(${jsonRows(cards)}::json) AS t("externalId" text, ${IMPORTED_CARD_RECORD})`;
}

/** Rewrites imported cards' content by id as of `now`, live again if archived (their schedules are another table and stay); one statement. */
export async function updateImportedCards(db: Db, cards: readonly (ImportedCardWrite & { id: string })[], now: Date): Promise<number> {
  if (cards.length === 0) return 0;
  return db.$executeRaw`
    UPDATE card SET kind = t.kind, role = t.role, front = t.front, back = t.back, "commonWrongAnswer" = t."commonWrongAnswer",
      "keyPoints" = coalesce(t."keyPoints", '{}'), topic = t.topic, tags = coalesce(t.tags, '{}'), difficulty = t.difficulty,
      "siblingKey" = t."siblingKey", "exerciseSlug" = t."exerciseSlug", "noteSource" = t."noteSource", position = t.position, "contentHash" = t."contentHash",
      "archivedAt" = NULL, "updatedAt" = ${now}
    FROM json_to_recordset(${jsonRows(cards)}::json) AS t(id uuid, ${IMPORTED_CARD_RECORD})
    WHERE card.id = t.id`;
}

/** Sets cards' positions by id as of `now`; one statement. */
export async function updateCardPositions(db: Db, moves: readonly { id: string; position: number }[], now: Date): Promise<number> {
  if (moves.length === 0) return 0;
  return db.$executeRaw`
    UPDATE card SET position = t.position, "updatedAt" = ${now}
    FROM json_to_recordset(${jsonRows(moves)}::json) AS t(id uuid, position int)
    WHERE card.id = t.id`;
}
