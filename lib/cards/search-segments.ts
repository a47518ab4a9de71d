// The orders of a card search as runs of rows an index hands over in order.
// "due" is the learner's scheduled cards by due date (card_state by user and
// due), then the cards they never scheduled (each module's cards by id);
// "lapses" is the cards never lapsed (by id), then the lapsed ones (card_state
// by user, lapses and card); "created" and "updated" are one run over each
// module's cards. Every run orders by (key, card id), so together they order
// every card by (sort key, card id), new cards after scheduled ones under
// "due", and a cursor names its run by its key.
import { Prisma } from "../db/generated/client";
import type { CardSort } from "./card-schemas";
import { NEVER } from "./card-filter-sql";
import type { SearchCursor } from "./search-cursor";

export type SearchSegment = {
  /** Whether a cursor with this sort key lies in this run. */
  holds: (key: string | number) => boolean;
  /** "card": each visible module's cards merged in order; "state": the learner's card_state rows. */
  source: "card" | "state";
  /** The sort key of a row (constant in a run of cards walked by id). */
  key: Prisma.Sql;
  /** What the index walks in order, last the card id. */
  order: Prisma.Sql[];
  /** Which rows of `cardsFrom` the run holds. */
  member: Prisma.Sql;
  /** The rows after `after` in the run's order, as a condition (`after` lies in this run). */
  after: (after: SearchCursor, desc: boolean) => Prisma.Sql;
  /** Whether the cursor key is a timestamp (else an integer). */
  time: boolean;
};

const NEVER_MS = Date.parse(NEVER);

/** A cursor key as the SQL value it stands for. */
function keyValue(key: string | number, time: boolean): Date | number {
  return time ? new Date(String(key)) : Number(key);
}

function rowAfter(columns: Prisma.Sql, segment: { time: boolean }) {
  return (after: SearchCursor, desc: boolean) =>
    desc
      ? Prisma.sql`(${columns}) < (${keyValue(after.key, segment.time)}, ${after.id}::uuid)`
      : Prisma.sql`(${columns}) > (${keyValue(after.key, segment.time)}, ${after.id}::uuid)`;
}

const idAfter = (after: SearchCursor, desc: boolean) => (desc ? Prisma.sql`c.id < ${after.id}::uuid` : Prisma.sql`c.id > ${after.id}::uuid`);

const byColumn = (column: Prisma.Sql): SearchSegment => ({
  holds: () => true,
  source: "card",
  key: column,
  order: [column, Prisma.sql`c.id`],
  member: Prisma.sql`TRUE`,
  after: rowAfter(Prisma.sql`${column}, c.id`, { time: true }),
  time: true,
});

const SCHEDULED: SearchSegment = {
  holds: (key) => Date.parse(String(key)) !== NEVER_MS,
  source: "state",
  key: Prisma.sql`s.due`,
  order: [Prisma.sql`s.due`, Prisma.sql`s."cardId"`],
  member: Prisma.sql`s.id IS NOT NULL AND s.state <> 'NEW'`,
  after: rowAfter(Prisma.sql`s.due, s."cardId"`, { time: true }),
  time: true,
};

const UNSCHEDULED: SearchSegment = {
  holds: (key) => Date.parse(String(key)) === NEVER_MS,
  source: "card",
  key: Prisma.sql`${NEVER}::timestamp`,
  order: [Prisma.sql`c.id`],
  member: Prisma.sql`(s.id IS NULL OR s.state = 'NEW')`,
  after: idAfter,
  time: true,
};

const NEVER_LAPSED: SearchSegment = {
  holds: (key) => key === 0,
  source: "card",
  key: Prisma.sql`0`,
  order: [Prisma.sql`c.id`],
  member: Prisma.sql`coalesce(s.lapses, 0) = 0`,
  after: idAfter,
  time: false,
};

const LAPSED: SearchSegment = {
  holds: (key) => typeof key === "number" && key >= 1,
  source: "state",
  key: Prisma.sql`s.lapses`,
  order: [Prisma.sql`s.lapses`, Prisma.sql`s."cardId"`],
  member: Prisma.sql`s.lapses >= 1`,
  after: rowAfter(Prisma.sql`s.lapses, s."cardId"`, { time: false }),
  time: false,
};

/** The runs of `sort` in the order a page reads them. */
export function searchSegments(sort: CardSort, desc: boolean): SearchSegment[] {
  const runs = {
    due: [SCHEDULED, UNSCHEDULED],
    lapses: [NEVER_LAPSED, LAPSED],
    created: [byColumn(Prisma.sql`c."createdAt"`)],
    updated: [byColumn(Prisma.sql`c."updatedAt"`)],
  }[sort];
  return desc ? [...runs].reverse() : runs;
}
