// The workload forecast a learner asks for: their own cards, habits and
// answer times simulated for the next year at a chosen desired retention,
// and the minimum recommended retention. It runs in the app process but off
// the event loop's critical path: the simulation yields every ~10 ms, and one
// forecast runs at a time per process (others wait their turn), so reviews
// and pages are served while it works.
import type { Db } from "../db/client";
import { selectUserSettings } from "../data/user-settings";
import { timeSlice } from "../event-loop/yield";
import { DEFAULT_SCHEDULER_SETTINGS, studyDayEnd, studyDayKey, studyDayStart, type StudyClock } from "../scheduling";
import { weekdayOf, type StudyDay } from "../stats/study-days";
import { minimumRecommendedRetention, type SweepPoint } from "./recommended-retention";
import { simulateWorkload, type AnswerSeconds, type Pause, type SimulationInput } from "./simulate-workload";
import { countUnseenCards, selectAnswerProfile, selectStudiedStates } from "./simulation-data";

/** Days simulated from today. */
export const SIMULATION_DAYS = 365;
/** Longest stretch the simulation holds the event loop, in ms. */
const SLICE_MS = 10;

export type WorkloadDay = { day: string; reviews: number; newCards: number; minutes: number; knowledge: number };

export type WorkloadForecast = {
  desiredRetention: number;
  seed: number;
  days: WorkloadDay[];
  totals: { reviews: number; minutes: number; reviewsPerDay: number; minutesPerDay: number; knowledgeEnd: number };
  cards: { seen: number; unseen: number; newCardsPerDay: number };
  /** Seconds per answer the minutes are counted with, and whether they are the user's own (else defaults). */
  answerSeconds: AnswerSeconds & { fromYourReviews: boolean };
  ratingsFromYourReviews: boolean;
  recommended: { retention: number; sweep: SweepPoint[]; sampleCards: number };
};

/**
 * `count` study days from the one holding `from`, as lib/stats' `studyDaysFrom`
 * gives them, pausing between days: time-zone maths costs ≈0.1–0.3 ms a call,
 * so a year of days in one go held the event loop for 120–380 ms.
 */
async function studyDaysAhead(from: Date, count: number, clock: StudyClock, pause: Pause): Promise<StudyDay[]> {
  const days: StudyDay[] = [];
  let start = studyDayStart(from, clock.timeZone, clock.dayStartHour);
  for (let i = 0; i < count; i += 1) {
    days.push({ key: studyDayKey(start, clock.timeZone, clock.dayStartHour), start });
    start = studyDayEnd(start, clock.timeZone, clock.dayStartHour);
    await pause();
  }
  return days;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` after every forecast queued before it (one simulation at a time per process). */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Simulates `userId`'s next {@link SIMULATION_DAYS} study days at
 * `desiredRetention` (validated at the edge, 0.70–0.99; the user's own when
 * absent) from `now`, seeded by
 * `seed`, with their weights, new cards per day, rating habits and answer
 * times, and finds the minimum recommended retention. Day 0 is today, from
 * its start (so asking again later today gives the same forecast): the same
 * data, study day and `seed` give the same forecast.
 */
export async function forecastWorkload(db: Db, userId: string, request: { desiredRetention?: number; seed: number }, now: Date): Promise<WorkloadForecast> {
  const [settings, cards, unseen, profile] = await Promise.all([
    selectUserSettings(db, userId),
    selectStudiedStates(db, userId),
    countUnseenCards(db, userId),
    selectAnswerProfile(db, userId),
  ]);
  const clock: StudyClock = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const desiredRetention = request.desiredRetention ?? settings.desiredRetention;
  return inTurn(async () => {
    const pause = timeSlice(SLICE_MS);
    const days = await studyDaysAhead(now, SIMULATION_DAYS + 1, clock, pause);
    const dayStarts = days.map((d) => d.start.getTime());
    const input: SimulationInput = {
      cards,
      newCards: unseen,
      newCardsPerDay: settings.newCardsPerDay,
      dayStarts,
      settings: { ...DEFAULT_SCHEDULER_SETTINGS, maximumIntervalDays: settings.maximumIntervalDays, weights: settings.fsrsWeights, desiredRetention },
      habits: profile.habits,
      seconds: profile.seconds,
      seed: request.seed,
      balancing: { loadBalancing: settings.loadBalancing, easyDays: settings.easyDays, firstWeekday: weekdayOf(days[0]?.key ?? "") },
    };
    const result = await simulateWorkload(input, pause);
    const recommended = await minimumRecommendedRetention(input, pause);
    const simulated = result.days.length;
    return {
      desiredRetention,
      seed: request.seed,
      days: result.days.map((d, i) => ({
        day: days[i]?.key ?? "",
        reviews: d.reviews,
        newCards: d.newCards,
        minutes: round1(d.seconds / 60),
        knowledge: Math.round(d.knowledge),
      })),
      totals: {
        reviews: result.totalReviews,
        minutes: Math.round(result.totalSeconds / 60),
        reviewsPerDay: round1(result.totalReviews / simulated),
        minutesPerDay: round1(result.totalSeconds / 60 / simulated),
        knowledgeEnd: Math.round(result.knowledgeEnd),
      },
      cards: { seen: cards.length, unseen, newCardsPerDay: settings.newCardsPerDay },
      answerSeconds: { ...profile.seconds, fromYourReviews: profile.fromLog.seconds },
      ratingsFromYourReviews: profile.fromLog.habits,
      recommended,
    };
  });
}
