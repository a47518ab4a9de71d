// The SQL of "the learner's cards matching these filters": shared by the
// search page (one page at a time) and by bulk actions on everything matched.
// Text search is Postgres full-text search with the `simple` configuration
// (no stemming, no stop words: "GQA", "RMSNorm" and "d_model" stay findable),
// every word of the query matched as a prefix so results follow typing. It
// reads card."searchVector" and "searchPrefixes", which Postgres keeps from the
// front and back (see the migration 20261203091646_card_search_walk).
import { Prisma } from "../db/generated/client";
import type { VisibleModule } from "./card-access";
import type { CardFilter } from "./card-schemas";

export type FilterScope = {
  userId: string;
  /** The modules searched: every visible one, or the one the filter names. */
  modules: readonly VisibleModule[];
  /** The current study day, for the due filters. */
  dayStart: Date;
  dayEnd: Date;
};

/** The card and its user's state: `c` and `s` (s is null for a card never touched). */
export function cardsFrom(userId: string): Prisma.Sql {
  return Prisma.sql`FROM card c LEFT JOIN card_state s ON s."cardId" = c.id AND s."userId" = ${userId}`;
}

/** The longest word prefix card."searchPrefixes" holds (card_search_prefixes in the migration). */
const SEARCH_PREFIX_MAX = 10;

/**
 * Cards with a word starting with each of the query's words, parsed by the
 * same parser as the card (a word that yields no lexeme matches nothing): the
 * prefixes are looked up in card_search_idx, and the tsquery decides for words
 * longer than the stored prefixes.
 */
function textMatch(q: string): Prisma.Sql {
  return Prisma.sql`c."searchPrefixes" @@ (
    SELECT string_agg(quote_literal(left(lexeme, ${SEARCH_PREFIX_MAX})), ' & ')::tsquery
    FROM unnest(to_tsvector('simple'::regconfig, ${q})))
  AND c."searchVector" @@ (
    SELECT to_tsquery('simple'::regconfig, string_agg(quote_literal(lexeme) || ':*', ' & '))
    FROM unnest(to_tsvector('simple'::regconfig, ${q})))`;
}

/** True when `q` holds something to search for (letters or digits). */
export function hasSearchWords(q: string | undefined): q is string {
  return q !== undefined && /[\p{L}\p{N}]/u.test(q);
}

const STATE_SQL = {
  new: Prisma.sql`(s.id IS NULL OR s.state = 'NEW')`,
  learning: Prisma.sql`s.state = 'LEARNING'`,
  review: Prisma.sql`s.state = 'REVIEW'`,
  relearning: Prisma.sql`s.state = 'RELEARNING'`,
} as const;

/** Whether `filter` looks at the learner's schedule (the card_state row), not only at the card. */
export function filtersSchedule(filter: CardFilter): boolean {
  return filter.state !== undefined || filter.due !== undefined || filter.suspended === true || filter.leech === true || filter.lapses !== undefined;
}

/** The WHERE conditions (joined with AND) for `filter` within `scope`. */
export function filterConditions(scope: FilterScope, filter: CardFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."moduleId" = ANY(${scope.modules.map((m) => m.id)}::uuid[])`, Prisma.sql`c."archivedAt" IS NULL`];
  if (hasSearchWords(filter.q)) conditions.push(textMatch(filter.q));
  if (filter.tag !== undefined) conditions.push(Prisma.sql`c.tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.state !== undefined) conditions.push(STATE_SQL[filter.state]);
  if (filter.due === "today") conditions.push(Prisma.sql`s.state <> 'NEW' AND s.due < ${scope.dayEnd}`);
  if (filter.due === "overdue") conditions.push(Prisma.sql`s.state <> 'NEW' AND s.due < ${scope.dayStart}`);
  if (filter.suspended) conditions.push(Prisma.sql`s."suspendedAt" IS NOT NULL`);
  if (filter.leech) conditions.push(Prisma.sql`s."isLeech"`);
  if (filter.lapses !== undefined) conditions.push(Prisma.sql`coalesce(s.lapses, 0) >= ${filter.lapses}`);
  return Prisma.join(conditions, " AND ");
}

/** New cards have no due date: under "due" they sort after every scheduled card. */
export const NEVER = "9999-12-31T00:00:00.000Z";
