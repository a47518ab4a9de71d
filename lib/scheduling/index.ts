// The pure scheduling core: FSRS via ts-fsrs (kept behind fsrs-adapter.ts),
// study days in the user's time zone, leeches and the daily study queue.
export {
  FSRS_STATE_NAMES,
  RATING,
  RATINGS,
  isRating,
  type FsrsStateName,
  type Rating,
  type ReviewLogFields,
  type SchedulingState,
} from "./types";
export {
  DEFAULT_SCHEDULER_SETTINGS,
  FSRS6_WEIGHT_COUNT,
  MAX_DESIRED_RETENTION,
  MAX_INTERVAL_CEILING_DAYS,
  MIN_DESIRED_RETENTION,
  SchedulerSettingsSchema,
  assertSchedulerSettings,
  type SchedulerSettings,
} from "./settings";
export {
  applyRating,
  balancedDays,
  balancedDaysReader,
  forgettingCurve,
  previewRatings,
  ratingApplier,
  ratingPreviewer,
  retrievabilityAt,
  undoRating,
  type AppliedRating,
  type RatingApplier,
  type RatingPreview,
  type RatingPreviewer,
} from "./scheduler";
export {
  LAST_BALANCED_DAY,
  MAX_BALANCED_INTERVAL_DAYS,
  NORMAL_EASY_DAYS,
  balancedInterval,
  balancedRange,
  easyDayFactors,
  isBalancing,
  mergeDayRanges,
  type Balancing,
  type DayRange,
  type DueLoad,
} from "./load-balancer";
export { historyReplayer, replayReviews, type ReplayEvent, type ReplayResult, type ReplayedReview } from "./replay";
export { StateSnapshotSchema, restoreStateSnapshot, toStateSnapshot, type StateSnapshot } from "./snapshot";
export { buttonRatings, passFailRating, type ButtonMode, type PassFail } from "./buttons";
export { formatInterval } from "./interval-label";
export { LEECH_ACTIONS, LEECH_LAPSE_THRESHOLD, LEECH_REPEAT_LAPSES, becameLeech, isLeech, type LeechAction } from "./leech";
export { NEW_CARD_MIXES, REVIEW_ORDERS, mergeEvenly, mixNewCards, orderReviews, type NewCardMix, type ReviewOrder } from "./queue-order";
export { MAX_STEPS, MAX_STEP_MINUTES, formatStep, formatSteps, parseSteps } from "./steps";
export { studyDayNumber, toStudyTime, weekdayOfDayNumber } from "./study-time";
export { isValidTimeZone, studyDayEnd, studyDayKey, studyDayStart, studyDayStartOfKey, studyDayStartsFrom, type StudyClock } from "./study-day";
export {
  DEFAULT_GROUP,
  DEFAULT_LEARN_AHEAD_MINUTES,
  buildQueue,
  nextDueAfter,
  type QueueInput,
  type QueueItem,
  type HeldBack,
  type LimitHolder,
  type QueueKind,
  type QueueModule,
  type QueueOrder,
  type QueueNewCard,
  type QueueReviewedCard,
  type QueueSettings,
  type QueueStateCard,
  type StudyQueue,
} from "./queue";
