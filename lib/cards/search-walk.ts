// Two ways to read one run of a search's order (search-segments.ts) after a
// cursor. A walk takes rows in order from the run's index and tests each
// against the filters, stopping at a page or at a budget of rows read: cheap
// when matches are common, whatever their number. Gathering takes every match
// through the filters' own indexes (the text, tags, state) up to a cap and sorts
// them: cheap when matches are few. A search walks first and gathers when the
// walk spent its budget (card-search.ts).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { CountColumn, DateColumn, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES } from "../scheduling";
import type { CardFilter } from "./card-schemas";
import { cardsFrom, filterConditions, filtersSchedule, type FilterScope } from "./card-filter-sql";
import type { SearchCursor } from "./search-cursor";
import type { SearchSegment } from "./search-segments";

export const ListRowSchema = z.object({
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
export type ListRow = z.infer<typeof ListRowSchema>;

const LIST_COLUMNS = Prisma.sql`c.id::text AS id, c."moduleId"::text AS "moduleId", c.kind::text AS kind, c.front, c.back, c.tags,
  s.state::text AS state, s.due, s.lapses, s.reps, s."suspendedAt", s."buriedUntil", s."isLeech", c."createdAt", c."updatedAt"`;

/** What a run is read for: the learner's scope and filters, the direction, and the cursor inside this run (null: from its start). */
export type RunRead = { scope: FilterScope; filter: CardFilter; desc: boolean; after: SearchCursor | null };

const WalkRowSchema = ListRowSchema.extend({ hit: z.boolean(), walked: CountColumn });

/** How a walk ended: the matches it met in order, and the last row it read when it spent its budget (null: the run ended or the page filled). */
export type Walk = { hits: ListRow[]; stoppedAt: SearchCursor | null };

/** A module id that matches no card: pads the module list so the statement text varies little. */
const NO_MODULE = "00000000-0000-0000-0000-000000000000";

/** The module ids padded to a power of two, so one prepared statement serves every learner with as many modules. */
function paddedModuleIds(scope: FilterScope): string[] {
  const ids = scope.modules.map((m) => m.id);
  let size = 1;
  while (size < ids.length) size *= 2;
  return [...ids, ...Array<string>(size - ids.length).fill(NO_MODULE)];
}

function directed(columns: readonly Prisma.Sql[], desc: boolean): Prisma.Sql {
  return Prisma.join(
    columns.map((column) => (desc ? Prisma.sql`${column} DESC` : Prisma.sql`${column} ASC`)),
    ", ",
  );
}

/**
 * A row count written into the statement rather than passed as a parameter:
 * the planner costs a walk by its LIMIT, and a parameter would leave the
 * prepared statement's generic plan guessing it.
 */
function constant(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return Prisma.raw(String(n));
}

/**
 * The run's rows in order, at most `budget`, each with whether it matches.
 * The index walk is cut at the budget first and the other table is looked up
 * row by row (a LATERAL … LIMIT 1 the planner cannot turn into a hash join),
 * so the plan stays a walk whatever the statistics say.
 */
function runRows(segment: SearchSegment, read: RunRead, budget: number): Prisma.Sql {
  const after = read.after === null ? Prisma.empty : Prisma.sql`AND ${segment.after(read.after, read.desc)}`;
  const order = directed(segment.order, read.desc);
  const row = Prisma.sql`${LIST_COLUMNS}, ${segment.key} AS "sortKey", c.id AS "orderId",
    coalesce(${segment.member} AND ${filterConditions(read.scope, read.filter)}, false) AS hit`;
  if (segment.source === "state") {
    return Prisma.sql`
      SELECT ${row}
      FROM (SELECT * FROM card_state s WHERE s."userId" = ${read.scope.userId} AND ${segment.member} ${after} ORDER BY ${order} LIMIT ${constant(budget)}) s
      CROSS JOIN LATERAL (SELECT * FROM card c WHERE c.id = s."cardId" LIMIT 1) c
      ORDER BY ${order}`;
  }
  // One ordered index walk per module, merged: each stops as soon as the merge has enough.
  const branches = paddedModuleIds(read.scope).map(
    (moduleId) => Prisma.sql`(
      SELECT ${row}
      FROM (SELECT * FROM card c WHERE c."moduleId" = ${moduleId}::uuid AND c."archivedAt" IS NULL ${after} ORDER BY ${order} LIMIT ${constant(budget)}) c
      LEFT JOIN LATERAL (SELECT * FROM card_state s WHERE s."cardId" = c.id AND s."userId" = ${read.scope.userId} LIMIT 1) s ON true
      ORDER BY ${order})`,
  );
  const merged = segment.order.length > 1 ? [Prisma.sql`"sortKey"`, Prisma.sql`"orderId"`] : [Prisma.sql`"orderId"`];
  return Prisma.sql`SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) branches ORDER BY ${directed(merged, read.desc)} LIMIT ${constant(budget)}`;
}

/**
 * Reads the run in order from the cursor until `want` matches or `budget`
 * rows read (a row that fails the filters costs about what a match does).
 */
export async function walkRun(db: Db, segment: SearchSegment, read: RunRead, budget: number, want: number): Promise<Walk> {
  const rows = await queryRows(
    db,
    WalkRowSchema,
    Prisma.sql`
    SELECT * FROM (SELECT w.*, row_number() OVER () AS walked FROM (${runRows(segment, read, budget)}) w) x
    WHERE x.hit OR x.walked = ${constant(budget)}
    LIMIT ${want + 1}`,
    "walkRun",
  );
  const hits = rows.filter((r) => r.hit).slice(0, want);
  const last = rows.find((r) => r.walked === budget);
  const stoppedAt = hits.length < want && last ? { key: cursorKey(last.sortKey), id: last.id } : null;
  return { hits, stoppedAt };
}

/**
 * The first `want` matches of the run after the cursor, in order, or null when
 * more than `cap` match (too many to sort). Only ids and keys are gathered and
 * sorted; the page's rows are read after. With no filter on the schedule, the
 * learner's state is looked up card by card rather than joined whole.
 */
export async function gatherRun(db: Db, segment: SearchSegment, read: RunRead, cap: number, want: number): Promise<ListRow[] | null> {
  const after = read.after === null ? Prisma.empty : Prisma.sql`AND ${segment.after(read.after, read.desc)}`;
  const from =
    segment.source === "card" && !filtersSchedule(read.filter)
      ? Prisma.sql`FROM card c LEFT JOIN LATERAL (SELECT * FROM card_state s WHERE s."cardId" = c.id AND s."userId" = ${read.scope.userId} LIMIT 1) s ON true`
      : cardsFrom(read.scope.userId);
  const rows = await queryRows(
    db,
    ListRowSchema.extend({ matched: CountColumn }),
    Prisma.sql`
    WITH matches AS (
      SELECT c.id AS "orderId", ${segment.key} AS "sortKey" ${from}
      WHERE ${segment.member} AND ${filterConditions(read.scope, read.filter)} ${after}
      LIMIT ${constant(cap + 1)}),
    page AS (
      SELECT matches.*, count(*) OVER () AS matched FROM matches
      ORDER BY ${directed([Prisma.sql`"sortKey"`, Prisma.sql`"orderId"`], read.desc)} LIMIT ${want})
    SELECT ${LIST_COLUMNS}, page."sortKey", page.matched
    FROM page JOIN card c ON c.id = page."orderId" LEFT JOIN card_state s ON s."cardId" = c.id AND s."userId" = ${read.scope.userId}
    ORDER BY ${directed([Prisma.sql`page."sortKey"`, Prisma.sql`page."orderId"`], read.desc)}`,
    "gatherRun",
  );
  return (rows[0]?.matched ?? 0) > cap ? null : rows;
}

/** A sort key as a cursor holds it. */
export function cursorKey(value: Date | number): string | number {
  return typeof value === "number" ? value : value.toISOString();
}
