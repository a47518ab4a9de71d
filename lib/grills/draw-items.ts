// Drawing a grill's questions: interview cards mixed with quick numeric
// exercises, about one numeric item in three. Pure: the grill id seeds every
// choice (which cards, where the numeric items sit, each variant's numbers),
// so the same id and the same candidates always give the same grill.
import { seededRandom } from "../reference/seeded-random";

export type GrillDifficulty = "EASY" | "MEDIUM" | "HARD";

/** Every `NUMERIC_EVERY`-th item of a grill is numeric, when the pools allow it. */
export const NUMERIC_EVERY = 3;
/** Variant seeds are drawn below this (the grader stores seeds as 32-bit integers). */
export const GRILL_SEED_LIMIT = 2_147_483_647;

export type InterviewCandidate = { cardId: string; topic: string; difficulty: GrillDifficulty };
export type NumericCandidate = { slug: string; topic: string; difficulty: GrillDifficulty };

export type DrawnItem =
  | { position: number; kind: "interview"; cardId: string; topic: string }
  | { position: number; kind: "numeric"; exerciseSlug: string; seed: number; topic: string };

export type DrawInput = {
  /** From {@link seedFromId}: the grill id's hash. */
  seed: number;
  /** Questions wanted, ≥ 1. */
  length: number;
  /** Null means any difficulty. */
  difficulty: GrillDifficulty | null;
  interview: readonly InterviewCandidate[];
  numeric: readonly NumericCandidate[];
  /** Cards and exercises asked in the learner's recent grills: drawn only when the fresh ones run out. */
  recentCardIds: ReadonlySet<string>;
  recentSlugs: ReadonlySet<string>;
};

export type DrawOutcome = { ok: true; items: DrawnItem[] } | { ok: false; available: number };

/** A 32-bit seed from a grill id (FNV-1a over its text): the same id always draws the same grill. */
export function seedFromId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** How many questions a grill of `difficulty` (null: any) can hold: every matching candidate once. */
export function availableItems(
  candidates: { interview: readonly { difficulty: GrillDifficulty }[]; numeric: readonly { difficulty: GrillDifficulty }[] },
  difficulty: GrillDifficulty | null,
): number {
  const matches = (c: { difficulty: GrillDifficulty }) => difficulty === null || c.difficulty === difficulty;
  return candidates.interview.filter(matches).length + candidates.numeric.filter(matches).length;
}

/**
 * Draws `length` items. Numeric items aim at ⌊length / 3⌋; when either pool
 * is short the other fills in. Within a pool, candidates not asked in a recent
 * grill come first, each group in seeded random order. Each numeric item lies
 * at a seeded place within its own stretch of the grill, so they spread out.
 * Not ok (with the count available) when the pools hold fewer than `length`.
 */
export function drawGrillItems(input: DrawInput): DrawOutcome {
  const random = seededRandom(input.seed);
  const matches = (c: { difficulty: GrillDifficulty }) => input.difficulty === null || c.difficulty === input.difficulty;
  const interview = preferFresh(
    random,
    input.interview.filter(matches),
    (c) => c.cardId,
    (c) => input.recentCardIds.has(c.cardId),
  );
  const numeric = preferFresh(
    random,
    input.numeric.filter(matches),
    (c) => c.slug,
    (c) => input.recentSlugs.has(c.slug),
  );
  if (input.length > interview.length + numeric.length) return { ok: false, available: interview.length + numeric.length };

  const target = Math.min(Math.floor(input.length / NUMERIC_EVERY), numeric.length);
  const interviewCount = Math.min(input.length - target, interview.length);
  const numericCount = input.length - interviewCount;
  const numericSlots = spreadSlots(random, input.length, numericCount);

  const items: DrawnItem[] = [];
  let nextInterview = 0;
  let nextNumeric = 0;
  for (let position = 0; position < input.length; position++) {
    if (numericSlots.has(position)) {
      const exercise = numeric[nextNumeric++];
      if (!exercise) throw new Error("drawGrillItems: numeric pool exhausted");
      const seed = Math.floor(random() * GRILL_SEED_LIMIT);
      items.push({ position, kind: "numeric", exerciseSlug: exercise.slug, seed, topic: exercise.topic });
    } else {
      const card = interview[nextInterview++];
      if (!card) throw new Error("drawGrillItems: interview pool exhausted");
      items.push({ position, kind: "interview", cardId: card.cardId, topic: card.topic });
    }
  }
  return { ok: true, items };
}

/** Fresh candidates first, then recent ones; each group sorted by key, then shuffled, so input order never matters. */
function preferFresh<T>(random: () => number, pool: readonly T[], key: (c: T) => string, recent: (c: T) => boolean): T[] {
  const sorted = [...pool].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const fresh = shuffle(
    random,
    sorted.filter((c) => !recent(c)),
  );
  const stale = shuffle(
    random,
    sorted.filter((c) => recent(c)),
  );
  return [...fresh, ...stale];
}

/** Fisher–Yates on a copy, driven by `random`. */
function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** `count` distinct positions in [0, length): one at a seeded place in each of `count` equal stretches. */
function spreadSlots(random: () => number, length: number, count: number): Set<number> {
  const slots = new Set<number>();
  for (let k = 0; k < count; k++) {
    const from = Math.floor((k * length) / count);
    const to = Math.floor(((k + 1) * length) / count);
    slots.add(from + Math.floor(random() * (to - from)));
  }
  return slots;
}
