// The queries behind checklists: a module's items and the passes that
// evidence rules count (progress rows: lib/data/checklist-progress.ts). Each
// is one indexed statement.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import type { ChecklistItemRow } from "./checklist-view";
import type { StudyClock } from "./evidence-rule";

/** The module's unarchived items (checklist_item(moduleId, externalId) serves the lookup). */
export async function selectChecklistItems(db: Db, moduleId: string): Promise<ChecklistItemRow[]> {
  return db.checklistItem.findMany({
    where: { moduleId, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, externalId: true, section: true, text: true, position: true, evidenceRule: true },
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
         WHERE a."userId" = ${userId} AND a."exerciseSlug" = w.slug AND a.correct AND NOT a."afterReveal" AND a."createdAt" < ${until}), 1
      FROM unnest(${slugs}::text[], ${caps}::int[]) AS w(slug, cap)
      UNION ALL
      SELECT d.slug, d.cap,
        (SELECT min(a."createdAt") FROM exercise_attempt a
         WHERE a."userId" = ${userId} AND a."exerciseSlug" = d.slug AND a.correct AND NOT a."afterReveal" AND a."createdAt" < ${until}
           AND a."createdAt" > d.t
           AND a."createdAt" >= (date_trunc('day', (d.t AT TIME ZONE 'UTC' AT TIME ZONE ${tz}) - make_interval(hours => ${h}))
                 + make_interval(days => 1, hours => ${h})) AT TIME ZONE ${tz} AT TIME ZONE 'UTC'),
        d.n + 1
      FROM d WHERE d.t IS NOT NULL AND d.n < d.cap)
    SELECT slug, t FROM d WHERE t IS NOT NULL ORDER BY slug, t`;
}

/**
 * The first pass (a correct attempt made before its variant's answers were
 * shown) of each study day at each exercise, up to
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
  const rows = await queryRows(db, z.object({ slug: z.string(), t: DateColumn }), firstPassPerDaySql(userId, wanted, clock, until), "selectFirstPassPerDay");
  for (const row of rows) result.set(row.slug, [...(result.get(row.slug) ?? []), row.t]);
  return result;
}
