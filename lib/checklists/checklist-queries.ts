// The queries behind checklists: a module's items, a learner's progress rows,
// and the passes that evidence rules count. Each is one indexed statement.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ChecklistItemRow, ProgressRow, StoredEvidence } from "./checklist-view";
import type { StudyClock } from "./evidence-rule";

/** The module's unarchived items (checklist_item(moduleId, externalId) serves the lookup). */
export async function selectChecklistItems(db: Db, moduleId: string): Promise<ChecklistItemRow[]> {
  return db.checklistItem.findMany({
    where: { moduleId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, externalId: true, section: true, text: true, position: true, evidenceRule: true },
  });
}

/** The learner's progress on these items (primary key probes). */
export async function selectChecklistProgress(db: Db, userId: string, itemIds: readonly string[]): Promise<ProgressRow[]> {
  if (itemIds.length === 0) return [];
  return db.checklistProgress.findMany({
    where: { userId, itemId: { in: [...itemIds] } },
    select: { itemId: true, checkedAt: true, source: true, evidence: true },
  });
}

/**
 * The statement behind {@link selectFirstPassPerDay}: a skip scan on
 * exercise_attempt(userId, exerciseSlug, createdAt), one index probe per study
 * day with a pass however many attempts a day holds, stopping at each slug's
 * cap. Exported so a test can EXPLAIN it.
 */
export function firstPassPerDaySql(userId: string, wanted: ReadonlyMap<string, number>, clock: StudyClock, until: Date): Prisma.Sql {
  const slugs = [...wanted.keys()];
  const caps = slugs.map((s) => wanted.get(s) ?? 1);
  const { timeZone: tz, dayStartHour: h } = clock;
  return Prisma.sql`
    WITH RECURSIVE d(slug, cap, t, n) AS (
      SELECT w.slug, w.cap,
        (SELECT min(a."createdAt") FROM exercise_attempt a
         WHERE a."userId" = ${userId} AND a."exerciseSlug" = w.slug AND a.correct AND a."createdAt" < ${until}), 1
      FROM unnest(${slugs}::text[], ${caps}::int[]) AS w(slug, cap)
      UNION ALL
      SELECT d.slug, d.cap,
        (SELECT min(a."createdAt") FROM exercise_attempt a
         WHERE a."userId" = ${userId} AND a."exerciseSlug" = d.slug AND a.correct AND a."createdAt" < ${until}
           AND a."createdAt" > d.t
           AND a."createdAt" >= (date_trunc('day', (d.t AT TIME ZONE 'UTC' AT TIME ZONE ${tz}) - make_interval(hours => ${h}))
                 + make_interval(days => 1, hours => ${h})) AT TIME ZONE ${tz} AT TIME ZONE 'UTC'),
        d.n + 1
      FROM d WHERE d.t IS NOT NULL AND d.n < d.cap)
    SELECT slug, t FROM d WHERE t IS NOT NULL ORDER BY slug, t`;
}

/**
 * The first pass (correct attempt) of each study day at each exercise, up to
 * `wanted.get(slug)` days per exercise, made before `until`. The SQL's day
 * arithmetic is only a prefilter: callers re-key the returned times with
 * studyDayKey, so the pure rule stays the one definition of a study day.
 */
export async function selectFirstPassPerDay(
  db: Db,
  userId: string,
  wanted: ReadonlyMap<string, number>,
  clock: StudyClock,
  until: Date,
): Promise<Map<string, Date[]>> {
  const result = new Map<string, Date[]>();
  if (wanted.size === 0) return result;
  const rows = await db.$queryRaw<{ slug: string; t: Date }[]>(firstPassPerDaySql(userId, wanted, clock, until));
  for (const row of rows) result.set(row.slug, [...(result.get(row.slug) ?? []), row.t]);
  return result;
}

/** Stores ticks earned by evidence; an item already ticked (by anyone's earlier read, or by hand) is left as it is. */
export async function insertEvidenceProgress(
  db: Db,
  userId: string,
  rows: readonly { itemId: string; checkedAt: Date; evidence: StoredEvidence }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.checklistProgress.createMany({
    data: rows.map((r) => ({ userId, itemId: r.itemId, checkedAt: r.checkedAt, source: "EVIDENCE" as const, evidence: r.evidence })),
    skipDuplicates: true,
  });
}
