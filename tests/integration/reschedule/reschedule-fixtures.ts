// A learner with a real history: cards reviewed over two months through the
// scheduler under the learner's own settings, stored as review_log rows and
// the card_state each history ends in (as the review post would leave them).
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { selectUserSettings, updateUserSettings, type UserSettingsPatch } from "@/lib/data/user-settings";
import { seededRandom } from "@/lib/reference/seeded-random";
import { replayReviews, toStateSnapshot, type Rating, type ReplayEvent } from "@/lib/scheduling";
import { schedulerSettingsOf } from "@/lib/settings/scheduler-settings";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * `cards` cards first seen on `start`, each reviewed when due (plus a few
 * hours) until `end`; 1 in 8 reviews fails. `settings` are the learner's
 * from the start (time zone, day start …).
 */
export async function learnerWithHistory(db: PrismaClient, options: { cards: number; start: Date; end: Date; seed: number; settings?: UserSettingsPatch }) {
  const user = await createUser(db);
  const { moduleId, cardIds } = await createModuleWithCards(db, { cards: options.cards });
  await enroll(db, user.id, moduleId);
  if (options.settings) await updateUserSettings(db, user.id, options.settings, options.start);
  const settings = schedulerSettingsOf(await selectUserSettings(db, user.id));
  const random = seededRandom(options.seed);
  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  const states: Prisma.CardStateCreateManyInput[] = [];
  for (const [index, cardId] of cardIds.entries()) {
    const events: ReplayEvent[] = [];
    let at = options.start.getTime() + index * 60_000;
    while (at < options.end.getTime()) {
      const rating: Rating = random() < 0.125 ? 1 : random() < 0.85 ? 3 : 4;
      events.push({ kind: "review", rating, at: new Date(at), durationMs: null });
      const { state } = replayReviews(events, settings);
      if (!state) break;
      const wait = state.due.getTime() - at;
      at += wait < DAY ? wait : wait + Math.floor(random() * 5 * HOUR);
    }
    const { state, reviews } = replayReviews(events, settings);
    for (const [i, r] of reviews.entries()) {
      logs.push({ id: randomUUID(), userId: user.id, cardId, ...r.log, stateBefore: toStateSnapshot(r.before), stateVersionAfter: i + 1 });
    }
    if (state) states.push({ userId: user.id, cardId, ...state, version: reviews.length });
  }
  await db.reviewLog.createMany({ data: logs });
  await db.cardState.createMany({ data: states });
  return { user, moduleId, cardIds };
}
