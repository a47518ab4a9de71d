// The workload simulator: what a desired retention costs over the coming
// days. A simulated learner works through the user's own cards (their memory
// states as they stand) and their unseen cards at their new-cards-per-day,
// every day: each due card is answered, recalled with the probability FSRS's
// forgetting curve gives (so the learner is the model: the user's weights
// predict them), rated as the user rates, and rescheduled by the app's own
// scheduler (lib/scheduling, fuzz included, and the learner's load balancing
// and easy days over the simulated days' due counts). Pure and seeded: the same input
// gives the same days on any machine. Async only to yield to the event loop.
import { seededRandom } from "../reference/seeded-random";
import {
  forgettingCurve,
  isBalancing,
  ratingApplier,
  type Balancing,
  type DueLoad,
  type Rating,
  type SchedulerSettings,
  type SchedulingState,
} from "../scheduling";

const DAY_MS = 86_400_000;
/** Gap between simulated answers in a session, so cards learned together get distinct fuzz seeds, as a real session's do. */
const ANSWER_GAP_MS = 15_000;

/** Probabilities of Again, Hard, Good, Easy (summing to 1). */
export type RatingOdds = readonly [number, number, number, number];

/** Seconds an answer takes, by kind: a new card's first sight, a review recalled or forgotten, a (re)learning step. */
export type AnswerSeconds = { firstSight: number; recalled: number; forgotten: number; step: number };

/** How the user rates: a new card's first answer, a recalled review (Again is 0), a (re)learning step. */
export type RatingHabits = { firstSight: RatingOdds; recalled: RatingOdds; step: RatingOdds };

export type SimulationInput = {
  /** Memory states of the cards the user has seen (no NEW rows). */
  cards: readonly SchedulingState[];
  /** Cards not seen yet, introduced `newCardsPerDay` a day (fractions carry over to the next day). */
  newCards: number;
  newCardsPerDay: number;
  /** Instants (ms) where the simulated days start: day d is [dayStarts[d], dayStarts[d + 1]). At least 2. */
  dayStarts: readonly number[];
  /** The scheduler's settings, with the desired retention to simulate. */
  settings: SchedulerSettings;
  habits: RatingHabits;
  seconds: AnswerSeconds;
  seed: number;
  /** The learner's load balancing and easy days, and the weekday of day 0 (Monday 0 … Sunday 6); absent: plain fuzz. */
  balancing?: { loadBalancing: boolean; easyDays: readonly number[]; firstWeekday: number };
};

/** One simulated day: answers given (reviews and steps), new cards seen, time spent (s), and knowledge at its end (expected cards recalled). */
export type SimulatedDay = { reviews: number; newCards: number; seconds: number; knowledge: number };

export type SimulationResult = { days: SimulatedDay[]; totalReviews: number; totalSeconds: number; knowledgeEnd: number };

/** Yields to the event loop now and then (lib/event-loop/yield's `timeSlice`); returns undefined when it need not. */
export type Pause = () => Promise<void> | undefined;

function draw(odds: RatingOdds, u: number): Rating {
  const [again, hard, good] = odds;
  if (u < again) return 1;
  if (u < again + hard) return 2;
  if (u < again + hard + good) return 3;
  return 4;
}

/**
 * Simulates `input.dayStarts.length − 1` days (see the file header). Cost:
 * one scheduler call per simulated answer plus one forgetting-curve call per
 * seen card per day; 10,000 cards over 365 days take ≈1 s (bench/schedule.ts).
 * `pause` is awaited between cards and days so the caller's event loop stays free.
 */
export async function simulateWorkload(input: SimulationInput, pause: Pause = () => undefined): Promise<SimulationResult> {
  const dayCount = Math.max(0, input.dayStarts.length - 1);
  // Cards due on each simulated day, kept as cards move, for the load balancer (day d reads from d + 1 on).
  const dueOnDay = new Int32Array(dayCount);
  const load: DueLoad = { firstOffset: 1, counts: dueOnDay, weekday: 0 };
  const balancing: Balancing | undefined =
    input.balancing && isBalancing(input.balancing) ? { loadBalancing: input.balancing.loadBalancing, easyDays: input.balancing.easyDays, load } : undefined;
  /** The simulated day holding `ms` (an overdue card counts on day 0), or -1 past the last. */
  const dayOf = (ms: number): number => {
    if (ms >= (input.dayStarts[dayCount] ?? 0)) return -1;
    let lo = 0;
    let hi = dayCount;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((input.dayStarts[mid] ?? 0) <= ms) lo = mid;
      else hi = mid;
    }
    return lo;
  };
  const apply = ratingApplier(input.settings, balancing);
  const recall = forgettingCurve(input.settings);
  const random = seededRandom(input.seed);
  const states: SchedulingState[] = [...input.cards];
  // The hot loops (which cards are due, what each recalls at day end) read
  // these flat copies, not the state objects and their Dates.
  const capacity = states.length + input.newCards;
  const dueAt = new Float64Array(capacity);
  const lastAt = new Float64Array(capacity).fill(Number.NaN);
  const stability = new Float64Array(capacity);
  const dueDay = new Int32Array(capacity).fill(-1);
  const keep = (i: number, state: SchedulingState) => {
    states[i] = state;
    if (balancing) {
      const before = dueDay[i] ?? -1;
      if (before >= 0) dueOnDay[before] = (dueOnDay[before] ?? 0) - 1;
      const after = dayOf(state.due.getTime());
      dueDay[i] = after;
      if (after >= 0) dueOnDay[after] = (dueOnDay[after] ?? 0) + 1;
    }
    dueAt[i] = state.due.getTime();
    lastAt[i] = state.lastReview?.getTime() ?? Number.NaN;
    stability[i] = state.stability;
  };
  for (const [i, state] of states.entries()) keep(i, state);
  const days: SimulatedDay[] = [];
  let newLeft = input.newCards;
  let newOwed = 0;

  /** Answers a card (null: new) at `at`, and again at each step due before `end`, counting into `day`; returns its state after. */
  const answer = (card: SchedulingState | null, at: number, end: number, day: SimulatedDay): SchedulingState => {
    let state = card;
    let t = at;
    do {
      let rating: Rating;
      let seconds: number;
      if (state === null) {
        rating = draw(input.habits.firstSight, random());
        seconds = input.seconds.firstSight;
      } else if (state.state === "REVIEW" && state.lastReview) {
        const recalled = random() < recall(Math.max(0, t - state.lastReview.getTime()) / DAY_MS, state.stability);
        rating = recalled ? draw(input.habits.recalled, random()) : 1;
        seconds = recalled ? input.seconds.recalled : input.seconds.forgotten;
      } else {
        rating = draw(input.habits.step, random());
        seconds = input.seconds.step;
      }
      state = apply(state, rating, new Date(t)).next;
      day.reviews += 1;
      day.seconds += seconds;
      t = Math.max(state.due.getTime(), t + ANSWER_GAP_MS);
    } while (t < end);
    return state;
  };

  for (let d = 0; d + 1 < input.dayStarts.length; d += 1) {
    const start = input.dayStarts[d] ?? 0;
    const end = input.dayStarts[d + 1] ?? start + DAY_MS;
    const day: SimulatedDay = { reviews: 0, newCards: 0, seconds: 0, knowledge: 0 };
    load.counts = dueOnDay.subarray(d + 1);
    load.weekday = ((input.balancing?.firstWeekday ?? 0) + d) % 7;
    let slot = 0;
    const seen = states.length;
    for (let i = 0; i < seen; i += 1) {
      if ((i & 255) === 0) await pause();
      const due = dueAt[i] ?? Infinity;
      const state = states[i];
      if (!state || due >= end) continue;
      keep(i, answer(state, Math.max(due, start + slot * ANSWER_GAP_MS), end, day));
      slot += 1;
    }
    newOwed += input.newCardsPerDay;
    while (newOwed >= 1 && newLeft > 0) {
      newOwed -= 1;
      newLeft -= 1;
      day.newCards += 1;
      keep(states.length, answer(null, start + slot * ANSWER_GAP_MS, end, day));
      slot += 1;
    }
    if (newLeft === 0) newOwed = 0;
    for (let i = 0; i < states.length; i += 1) {
      const last = lastAt[i] ?? Number.NaN;
      if (!Number.isNaN(last)) day.knowledge += recall(Math.max(0, end - last) / DAY_MS, stability[i] ?? 1);
    }
    days.push(day);
    await pause();
  }
  return {
    days,
    totalReviews: days.reduce((n, day) => n + day.reviews, 0),
    totalSeconds: days.reduce((n, day) => n + day.seconds, 0),
    knowledgeEnd: days.at(-1)?.knowledge ?? 0,
  };
}
