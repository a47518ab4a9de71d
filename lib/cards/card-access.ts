// Which cards a learner may find and act on. A card is theirs to see when its
// module is their own, or public and they are enrolled in it; archived cards
// (dropped by a re-import) are gone. Every action can change the learner's own
// schedule of any visible card; only cards of their own modules may be edited,
// moved or deleted — the public course is shared, so it is read-only.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { forbidden, notFound } from "../errors/app-error";

export type VisibleModule = { id: string; slug: string; title: string; owned: boolean };

const ModuleRowSchema = z.object({ id: z.string(), slug: z.string(), title: z.string(), owned: z.boolean() });

/** Every module whose cards `userId` may see: their own (first), then the public ones they are enrolled in. */
export async function selectVisibleModules(db: Db, userId: string): Promise<VisibleModule[]> {
  return queryRows(
    db,
    ModuleRowSchema,
    Prisma.sql`
    SELECT m.id::text AS id, m.slug, m.title, m.scope = ${userId} AS owned FROM module m
    WHERE m.scope = ${userId}
       OR (m.scope = 'public' AND EXISTS (SELECT 1 FROM enrollment e WHERE e."moduleId" = m.id AND e."userId" = ${userId}))
    ORDER BY m.scope = ${userId} DESC, m.title, m.id`,
    "selectVisibleModules",
  );
}

/** The visible module a slug names (the learner's own before a public one of the same slug). */
export function moduleBySlug(modules: readonly VisibleModule[], slug: string): VisibleModule | undefined {
  return modules.find((m) => m.slug === slug && m.owned) ?? modules.find((m) => m.slug === slug);
}

export type VisibleCard = { id: string; moduleId: string; position: number; owned: boolean };

const CardRowSchema = z.object({ id: z.string(), moduleId: z.string(), position: z.number().int(), owned: z.boolean() });

/** Those of `cardIds` the user may see, in no particular order (the rest are silently absent). */
export async function selectVisibleCards(db: Db, userId: string, cardIds: readonly string[]): Promise<VisibleCard[]> {
  if (cardIds.length === 0) return [];
  return queryRows(
    db,
    CardRowSchema,
    Prisma.sql`
    SELECT c.id::text AS id, c."moduleId"::text AS "moduleId", c.position, m.scope = ${userId} AS owned
    FROM card c JOIN module m ON m.id = c."moduleId"
    WHERE c.id = ANY(${[...cardIds]}::uuid[]) AND c."archivedAt" IS NULL
      AND (m.scope = ${userId}
        OR (m.scope = 'public' AND EXISTS (SELECT 1 FROM enrollment e WHERE e."moduleId" = m.id AND e."userId" = ${userId})))`,
    "selectVisibleCards",
  );
}

/** One card the user may see; NOT_FOUND otherwise (never saying whether it exists for someone else). */
export async function requireVisibleCard(db: Db, userId: string, cardId: string): Promise<VisibleCard> {
  const [card] = await selectVisibleCards(db, userId, [cardId]);
  if (!card) throw notFound("Card");
  return card;
}

/** Throws FORBIDDEN unless every card is in one of the user's own modules. */
export function requireOwnCards(cards: readonly VisibleCard[], what: string): void {
  const shared = cards.filter((c) => !c.owned).length;
  if (shared === 0) return;
  const which = cards.length === 1 ? "This card belongs" : `${shared} of the ${cards.length} cards belong`;
  throw forbidden(`${which} to the built-in course, which is read-only: you cannot ${what} it. Suspend, bury or reset work on any card`);
}
