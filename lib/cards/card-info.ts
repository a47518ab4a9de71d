// One card as its info page shows it: the card rendered, its module and tags,
// the learner's schedule of it (with stability, difficulty and today's
// retrievability) and every review of it from review_log, oldest first.
import type { Db } from "../db/client";
import { selectCard } from "../data/card";
import { selectCardReviewLogs } from "../data/review-log";
import { selectOptionalCardState } from "../data/card-state";
import { selectModuleSettings } from "../data/enrollment";
import { moduleOptionsOf } from "../presets/module-options";
import { toSchedulingState } from "../data/state-snapshot";
import { selectUserSettings } from "../data/user-settings";
import { notFound } from "../errors/app-error";
import { renderCardFaces } from "../render/card-faces";
import { retrievabilityAt, type SchedulingState } from "../scheduling";
import { schedulerSettingsOf } from "../settings/scheduler-settings";
import { requireVisibleCard, selectVisibleModules } from "./card-access";

/** Most reviews listed (the newest ones); a card reviewed daily for years stays light. */
export const HISTORY_LIMIT = 500;

export type CardReviewEntry = {
  reviewedAt: string;
  rating: number;
  /** The card's state when it was reviewed. */
  state: string;
  /** What the review left: the interval it scheduled in days (0 while learning), stability in days, difficulty 1–10; null when unknown (a later reset). */
  scheduledDays: number | null;
  stability: number | null;
  difficulty: number | null;
  /** Days since the review before (0 for the first). */
  elapsedDays: number;
  durationMs: number | null;
};

export type CardInfo = {
  id: string;
  kind: string;
  role: string;
  topic: string;
  tags: string[];
  frontHtml: string;
  backHtml: string;
  wrongAnswerHtml: string | null;
  module: { slug: string; title: string; owned: boolean };
  schedule: {
    state: "new" | "learning" | "review" | "relearning";
    due: string | null;
    stability: number | null;
    difficulty: number | null;
    /** Probability of recall now, 0–1; null for a new card. */
    retrievability: number | null;
    reps: number;
    lapses: number;
    lastReview: string | null;
    suspended: boolean;
    buriedUntil: string | null;
    leech: boolean;
  };
  history: CardReviewEntry[];
};

/** The card `cardId` as `userId` sees it at `now`; NOT_FOUND unless they may see it. */
export async function getCardInfo(db: Db, userId: string, cardId: string, now: Date): Promise<CardInfo> {
  const visible = await requireVisibleCard(db, userId, cardId);
  const [card, modules, row, settings, moduleSettings, logs] = await Promise.all([
    selectCard(db, cardId),
    selectVisibleModules(db, userId),
    selectOptionalCardState(db, userId, cardId),
    selectUserSettings(db, userId),
    selectModuleSettings(db, userId, visible.moduleId),
    selectCardReviewLogs(db, userId, cardId, HISTORY_LIMIT),
  ]);
  const module = modules.find((m) => m.id === visible.moduleId);
  if (!module) throw notFound("Card");
  const faces = renderCardFaces(card);
  const state = toSchedulingState(row);
  const isNew = state === null || state.state === "NEW";
  const { options } = moduleOptionsOf(settings, moduleSettings.get(module.id));
  return {
    id: card.id,
    kind: card.kind,
    role: card.role,
    topic: card.topic,
    tags: card.tags,
    ...faces,
    module: { slug: module.slug, title: module.title, owned: module.owned },
    schedule: {
      state: isNew ? "new" : (state.state.toLowerCase() as Exclude<CardInfo["schedule"]["state"], "new">),
      due: isNew ? null : state.due.toISOString(),
      stability: isNew ? null : state.stability,
      difficulty: isNew ? null : state.difficulty,
      retrievability: isNew ? null : retrievabilityAt(state, now, schedulerSettingsOf(settings, options)),
      reps: row?.reps ?? 0,
      lapses: row?.lapses ?? 0,
      lastReview: row?.lastReview?.toISOString() ?? null,
      suspended: row?.suspendedAt != null,
      buriedUntil: row?.buriedUntil && row.buriedUntil > now ? row.buriedUntil.toISOString() : null,
      leech: row?.isLeech ?? false,
    },
    history: historyAfterEachReview(logs.reverse(), isNew ? null : state),
  };
}

type LogRow = Awaited<ReturnType<typeof selectCardReviewLogs>>[number];

/**
 * review_log keeps the memory state each review started from (what undo and
 * the optimiser need); a history shows what each review left. That is the
 * next review's starting state, and for the latest review the card's current
 * state — unless the card was reset since (then it is unknown).
 */
function historyAfterEachReview(logs: readonly LogRow[], current: SchedulingState | null): CardReviewEntry[] {
  return logs.map((l, i) => {
    const nextLog = logs[i + 1];
    const fromCurrent = current !== null && current.lastReview?.getTime() === l.reviewedAt.getTime() ? current : null;
    const after = nextLog ?? fromCurrent;
    return {
      reviewedAt: l.reviewedAt.toISOString(),
      rating: l.rating,
      state: l.state.toLowerCase(),
      scheduledDays: after?.scheduledDays ?? null,
      stability: after?.stability ?? null,
      difficulty: after?.difficulty ?? null,
      elapsedDays: l.elapsedDays,
      durationMs: l.durationMs,
    };
  });
}
