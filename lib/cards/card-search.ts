// Finding cards: one page of the learner's cards matching a search, in a
// chosen order, with keyset paging (search-cursor.ts), and the ids of every
// card a search matches for bulk actions.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { selectUserSettings } from "../data/user-settings";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { FSRS_STATE_NAMES, studyDayEnd, studyDayStart } from "../scheduling";
import { moduleBySlug, selectVisibleModules, type VisibleModule } from "./card-access";
import { cardsFrom, filterConditions, sortKey, type FilterScope } from "./card-filter-sql";
import type { CardFilter, CardSearchQuery } from "./card-schemas";
import { cardSnippet } from "./card-text";
import { decodeCursor, encodeCursor } from "./search-cursor";

export type CardListItem = {
  id: string;
  module: { slug: string; title: string; owned: boolean };
  kind: string;
  front: string;
  back: string;
  tags: string[];
  state: "new" | "learning" | "review" | "relearning";
  /** Null for a new card. */
  due: string | null;
  lapses: number;
  reps: number;
  suspended: boolean;
  buried: boolean;
  leech: boolean;
  createdAt: string;
  updatedAt: string;
};

export type CardSearchPage = { cards: CardListItem[]; nextCursor: string | null };

const ListRowSchema = z.object({
  id: z.string(),
  moduleId: z.string(),
  kind: z.string(),
  front: z.string(),
  back: z.string(),
  tags: z.array(z.string()),
  state: z.enum(FSRS_STATE_NAMES).nullable(),
  due: DateColumn.nullable(),
  lapses: z.number().int().nullable(),
  reps: z.number().int().nullable(),
  suspendedAt: DateColumn.nullable(),
  buriedUntil: DateColumn.nullable(),
  isLeech: z.boolean().nullable(),
  createdAt: DateColumn,
  updatedAt: DateColumn,
  sortKey: z.union([DateColumn, z.number().int()]),
});
type ListRow = z.infer<typeof ListRowSchema>;

/** The scope a filter searches at `now`; NOT_FOUND when it names a module the user cannot see. */
async function filterScope(db: Db, userId: string, filter: CardFilter, now: Date): Promise<FilterScope> {
  const [modules, settings] = await Promise.all([selectVisibleModules(db, userId), selectUserSettings(db, userId)]);
  let searched: readonly VisibleModule[] = modules;
  if (filter.module !== undefined) {
    const one = moduleBySlug(modules, filter.module);
    if (!one) throw notFound(`Module ${quoteInput(filter.module)}`);
    searched = [one];
  }
  return {
    userId,
    modules: searched,
    dayStart: studyDayStart(now, settings.timeZone, settings.dayStartHour),
    dayEnd: studyDayEnd(now, settings.timeZone, settings.dayStartHour),
  };
}

/** One page of the user's cards matching `query` at `now`, and the cursor of the next page (null on the last). */
export async function searchCards(db: Db, userId: string, query: CardSearchQuery, now: Date): Promise<CardSearchPage> {
  const scope = await filterScope(db, userId, query, now);
  const key = sortKey(query.sort);
  const desc = query.order === "desc";
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (after && typeof after.key !== (key.kind === "int" ? "number" : "string")) {
    throw new AppError("VALIDATION", "cursor: it belongs to a search in another order; start again without it", [{ path: "cursor", message: "wrong order" }]);
  }
  const afterValue = after === null ? null : key.kind === "int" ? after.key : new Date(String(after.key));
  const keyset =
    after === null
      ? Prisma.empty
      : desc
        ? Prisma.sql`AND (${key.sql}, c.id) < (${afterValue}, ${after.id}::uuid)`
        : Prisma.sql`AND (${key.sql}, c.id) > (${afterValue}, ${after.id}::uuid)`;
  const direction = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await queryRows(
    db,
    ListRowSchema,
    Prisma.sql`
    SELECT c.id::text AS id, c."moduleId"::text AS "moduleId", c.kind::text AS kind, c.front, c.back, c.tags,
      s.state::text AS state, s.due, s.lapses, s.reps, s."suspendedAt", s."buriedUntil", s."isLeech",
      c."createdAt", c."updatedAt", ${key.sql} AS "sortKey"
    ${cardsFrom(userId)}
    WHERE ${filterConditions(scope, query)} ${keyset}
    ORDER BY ${key.sql} ${direction}, c.id ${direction}
    LIMIT ${query.limit + 1}`,
    "searchCards",
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const modules = new Map(scope.modules.map((m) => [m.id, m]));
  return {
    cards: page.map((row) => toListItem(row, modules, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ key: cursorKey(last.sortKey), id: last.id }) : null,
  };
}

function cursorKey(value: Date | number): string | number {
  return typeof value === "number" ? value : value.toISOString();
}

function toListItem(row: ListRow, modules: Map<string, VisibleModule>, now: Date): CardListItem {
  const module = modules.get(row.moduleId);
  const isNew = row.state === null || row.state === "NEW";
  return {
    id: row.id,
    module: { slug: module?.slug ?? "", title: module?.title ?? "", owned: module?.owned ?? false },
    kind: row.kind,
    front: cardSnippet(row.front),
    back: cardSnippet(row.back),
    tags: row.tags,
    state: isNew ? "new" : (row.state?.toLowerCase() as Exclude<CardListItem["state"], "new">),
    due: isNew || row.due === null ? null : row.due.toISOString(),
    lapses: row.lapses ?? 0,
    reps: row.reps ?? 0,
    suspended: row.suspendedAt !== null,
    buried: row.buriedUntil !== null && row.buriedUntil > now,
    leech: row.isLeech ?? false,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The ids of every card `filter` matches for the user at `now`, at most
 * `max`; CONFLICT when there are more (narrow the search first).
 */
export async function selectMatchingCardIds(db: Db, userId: string, filter: CardFilter, now: Date, max: number): Promise<string[]> {
  const scope = await filterScope(db, userId, filter, now);
  const rows = await queryRows(
    db,
    z.object({ id: z.string() }),
    Prisma.sql`SELECT c.id::text AS id ${cardsFrom(userId)} WHERE ${filterConditions(scope, filter)} LIMIT ${max + 1}`,
    "selectMatchingCardIds",
  );
  if (rows.length > max) throw new AppError("CONFLICT", `More than ${max} cards match; narrow the search (a module, a tag, a state) and repeat`);
  return rows.map((r) => r.id);
}
