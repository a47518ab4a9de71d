// Which modules a learner may see: the public ones and their own. A slug is
// unique per scope, so a private module may share a public one's slug; the
// learner's own wins.
import type { Db } from "../db/client";
import { notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";

export type ModuleRef = { id: string; slug: string; title: string; description: string };

const SELECT = { id: true, slug: true, title: true, description: true, scope: true } as const;

/** The module `slug` as `userId` sees it; throws NOT_FOUND for a missing or another user's private module. */
export async function selectVisibleModule(db: Db, userId: string, slug: string): Promise<ModuleRef> {
  const rows = await db.module.findMany({ where: { slug, scope: { in: ["public", userId] } }, select: SELECT });
  const row = rows.find((m) => m.scope === userId) ?? rows[0];
  if (!row) throw notFound(`Module ${quoteInput(slug)}`);
  return { id: row.id, slug: row.slug, title: row.title, description: row.description };
}

/** The modules `userId` is enrolled in, in enrolment order. */
export async function selectEnrolledModules(db: Db, userId: string): Promise<ModuleRef[]> {
  const rows = await db.enrollment.findMany({
    where: { userId },
    orderBy: [{ enrolledAt: "asc" }, { moduleId: "asc" }],
    select: { module: { select: SELECT } },
  });
  return rows.map(({ module: m }) => ({ id: m.id, slug: m.slug, title: m.title, description: m.description }));
}
