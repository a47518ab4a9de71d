// Finding cards: one page of the learner's cards matching a search, in a
// chosen order, with keyset paging (search-cursor.ts), read without sorting
// every match (search-walk.ts), and the ids of every card a search matches for
// bulk actions.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { selectUserSettings } from "../data/user-settings";
import { AppError, notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { studyDayEnd, studyDayStart } from "../scheduling";
import { moduleBySlug, selectVisibleModules, type VisibleModule } from "./card-access";
import { cardsFrom, filterConditions, type FilterScope } from "./card-filter-sql";
import type { CardFilter, CardSearchQuery } from "./card-schemas";
import { cardSnippet } from "./card-text";
import { decodeCursor, encodeCursor, type SearchCursor } from "./search-cursor";
import { searchSegments } from "./search-segments";
import { cursorKey, gatherRun, type ListRow, walkRun } from "./search-walk";

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

/**
 * A page of matches in order and the cursor of the rest (null: no more). A
 * page can hold fewer than `limit` cards while more follow: when a search's
 * matches are many but sparse in the chosen order, a page stops after reading
 * `effort.walk` cards of that order (search-walk.ts) and the cursor goes on from there.
 */
export type CardSearchPage = { cards: CardListItem[]; nextCursor: string | null };

/**
 * How much one page may read: `walk`, the cards read in order before the
 * matches are gathered through the filters' indexes instead; `gather`, the most
 * matches of one run gathered and sorted (with more, the page ends where its
 * walk stopped). Measured with `npm run bench:search`.
 */
export type SearchEffort = { walk: number; gather: number };
export const SEARCH_EFFORT: SearchEffort = { walk: 1000, gather: 3000 };

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

const wrongCursor = () =>
  new AppError("VALIDATION", "cursor: it belongs to a search in another order; start again without it", [{ path: "cursor", message: "wrong order" }]);

/**
 * One page of the user's cards matching `query` at `now`, and the cursor of
 * the next page (null on the last). Each run of the order (search-segments.ts)
 * is walked in order; a run whose walk spends its budget has its matches
 * gathered and sorted instead, unless there are more than `effort.gather` of
 * them: then the page ends where the walk stopped.
 */
export async function searchCards(db: Db, userId: string, query: CardSearchQuery, now: Date, effort = SEARCH_EFFORT): Promise<CardSearchPage> {
  const scope = await filterScope(db, userId, query, now);
  const desc = query.order === "desc";
  const runs = searchSegments(query.sort, desc);
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (after && typeof after.key !== (runs[0]?.time ? "string" : "number")) throw wrongCursor();
  const firstRun = after === null ? 0 : runs.findIndex((run) => run.holds(after.key));
  if (firstRun < 0) throw wrongCursor();
  const want = query.limit + 1;
  const found: ListRow[] = [];
  let stoppedAt: SearchCursor | null = null;
  for (const [i, run] of runs.entries()) {
    if (i < firstRun || found.length >= want || stoppedAt) continue;
    const read = { scope, filter: query, desc, after: i === firstRun ? after : null };
    const walk = await walkRun(db, run, read, effort.walk, want - found.length);
    if (walk.stoppedAt === null) {
      found.push(...walk.hits);
      continue;
    }
    const gathered = await gatherRun(db, run, read, effort.gather, want - found.length);
    found.push(...(gathered ?? walk.hits));
    if (gathered === null) stoppedAt = walk.stoppedAt;
  }
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  const next = found.length > query.limit && last ? { key: cursorKey(last.sortKey), id: last.id } : stoppedAt;
  const modules = new Map(scope.modules.map((m) => [m.id, m]));
  return { cards: page.map((row) => toListItem(row, modules, now)), nextCursor: next ? encodeCursor(next) : null };
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
