// The modules a learner owns, for choosing where an import goes.
import type { Db } from "../db/client";

export type OwnModule = { id: string; slug: string; title: string; cards: number };

/** `userId`'s own modules (never public ones), by title, with their live card counts. */
export async function selectOwnModules(db: Db, userId: string): Promise<OwnModule[]> {
  const rows = await db.module.findMany({
    where: { scope: userId, ownerId: userId },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, _count: { select: { cards: { where: { archivedAt: null } } } } },
  });
  return rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, cards: r._count.cards }));
}
