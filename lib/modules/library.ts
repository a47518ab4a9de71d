// The learner's library: every module they can see (the public course and
// their own), whether it feeds their daily review, its own settings, and its
// card counts as of the study day at `now`.
import { z } from "zod";
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { selectPresets } from "../data/scheduling-preset";
import { selectUserSettings } from "../data/user-settings";
import { studyDayEnd } from "../scheduling";

export type LibraryModule = {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** The learner's own module (editable); false for the read-only public course. */
  owned: boolean;
  archived: boolean;
  /** Whether the module feeds the daily review. */
  studying: boolean;
  desiredRetention: number | null;
  newCardsPerDay: number | null;
  /** The learner's preset for this module; null: their settings. */
  presetId: string | null;
  /** total: cards; new: never reviewed (suspended or buried ones included); learning and due: (re)learning and review cards due by the end of the study day. */
  counts: { total: number; new: number; learning: number; due: number };
};

export type Library = {
  modules: LibraryModule[];
  defaults: { desiredRetention: number; newCardsPerDay: number };
  /** The learner's presets, to choose from. */
  presets: { id: string; name: string; desiredRetention: number; newCardsPerDay: number }[];
};

const LibraryRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  owned: z.boolean(),
  archivedAt: DateColumn.nullable(),
  studying: z.boolean(),
  desiredRetention: z.number().nullable(),
  newCardsPerDay: z.number().int().nullable(),
  presetId: z.string().nullable(),
  total: z.number().int(),
  unseen: z.number().int(),
  learning: z.number().int(),
  due: z.number().int(),
});

export async function getLibrary(db: Db, catalogue: Catalogue, userId: string, now: Date): Promise<Library> {
  const [settings, presets] = await Promise.all([selectUserSettings(db, userId), selectPresets(db, userId)]);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const studiable = Prisma.sql`c."archivedAt" IS NULL AND (c.kind <> 'EXERCISE' OR c."exerciseSlug" = ANY(${[...catalogue.gradableSlugs]}::text[]))`;
  const rows = await queryRows(
    db,
    LibraryRowSchema,
    Prisma.sql`
    SELECT m.id::text, m.slug, m.title, m.description, m.scope = ${userId} AS owned, m."archivedAt",
      COALESCE(e.studying, false) AS studying, e."desiredRetention", e."newCardsPerDay", e."presetId"::text AS "presetId",
      cards.total, cards.unseen, COALESCE(st.learning, 0) AS learning, COALESCE(st.due, 0) AS due
    FROM module m
    LEFT JOIN enrollment e ON e."moduleId" = m.id AND e."userId" = ${userId}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = ${userId} AND s."cardId" = c.id AND s.state <> 'NEW'))::int AS unseen
      FROM card c WHERE c."moduleId" = m.id AND ${studiable}) cards
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE s.state IN ('LEARNING', 'RELEARNING'))::int AS learning,
        count(*) FILTER (WHERE s.state = 'REVIEW')::int AS due
      FROM card_state s JOIN card c ON c.id = s."cardId" AND c."moduleId" = m.id AND ${studiable}
      WHERE s."userId" = ${userId} AND s.due < ${dayEnd} AND s."suspendedAt" IS NULL
        AND (s."buriedUntil" IS NULL OR s."buriedUntil" < ${dayEnd})) st ON true
    WHERE m.scope IN ('public', ${userId})
    ORDER BY m."archivedAt" IS NOT NULL, m.scope = 'public' DESC, lower(m.title), m.id`,
    "getLibrary",
  );
  return {
    modules: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      description: r.description,
      owned: r.owned,
      archived: r.archivedAt !== null,
      studying: r.studying && r.archivedAt === null,
      desiredRetention: r.desiredRetention,
      newCardsPerDay: r.newCardsPerDay,
      presetId: r.presetId,
      counts: { total: r.total, new: r.unseen, learning: r.learning, due: r.due },
    })),
    defaults: { desiredRetention: settings.desiredRetention, newCardsPerDay: settings.newCardsPerDay },
    presets: presets.map((p) => ({ id: p.id, name: p.name, desiredRetention: p.desiredRetention, newCardsPerDay: p.newCardsPerDay })),
  };
}
