// The reveal rule of a numeric exercise's variant (one learner, one seed). A
// few tries say which steps are right but not the values; the answers are
// shown when the learner asks, when the tries are used up, or once the
// variant is passed. A variant whose answers were shown is finished: later
// attempts are still graded and stored, marked as made after the reveal, and
// earn no credit (no checklist evidence, no Good rating). Pure.

/** Graded tries a variant allows before its answers are shown. */
export const TRIES_PER_VARIANT = 3;

export type RevealReason = "PASSED" | "REQUESTED" | "TRIES_USED" | "SINGLE_TRY";

/** A variant as stored: tries made before the reveal, and the reveal if any. */
export type VariantState = { tries: number; revealedAt: Date | null; revealedBecause: RevealReason | null };

export const FRESH_VARIANT: VariantState = { tries: 0, revealedAt: null, revealedBecause: null };

/** What a client sees of a variant: the tries it has left and whether its answers are shown. */
export type VariantStatus = {
  /** Graded tries made before the reveal. */
  tries: number;
  triesAllowed: number;
  triesLeft: number;
  /** The answers are shown: the variant is finished, and credit needs a new variant. */
  revealed: boolean;
  revealedBecause: RevealReason | null;
};

/** The state after one graded try (`correct`: every step right) made at `now`; `singleTry` reveals at once. */
export function afterTry(state: VariantState, correct: boolean, now: Date, singleTry = false): VariantState {
  if (state.revealedAt) return state;
  const tries = state.tries + 1;
  const because: RevealReason | null = correct ? "PASSED" : singleTry ? "SINGLE_TRY" : tries >= TRIES_PER_VARIANT ? "TRIES_USED" : null;
  return { tries, revealedAt: because ? now : null, revealedBecause: because };
}

/** The state once the learner asks to see the answers at `now` (a revealed variant stays as it was). */
export function afterRevealRequest(state: VariantState, now: Date): VariantState {
  return state.revealedAt ? state : { ...state, revealedAt: now, revealedBecause: "REQUESTED" };
}

export function variantStatus(state: VariantState): VariantStatus {
  return {
    tries: state.tries,
    triesAllowed: TRIES_PER_VARIANT,
    triesLeft: state.revealedAt ? 0 : Math.max(0, TRIES_PER_VARIANT - state.tries),
    revealed: state.revealedAt !== null,
    revealedBecause: state.revealedBecause,
  };
}

/** A few words on where the variant stands: "2 of 3 tries left", "passed", "answers shown on request". */
export function variantLabel(status: VariantStatus): string {
  if (!status.revealed) return `${status.triesLeft} of ${status.triesAllowed} tries left`;
  return {
    PASSED: "passed",
    REQUESTED: "answers shown on request",
    TRIES_USED: `answers shown after ${status.triesAllowed} tries`,
    SINGLE_TRY: "answers shown after a single graded try",
  }[status.revealedBecause ?? "REQUESTED"];
}

/** One or two sentences on where the variant stands, for the API and the CLI. */
export function describeVariant(status: VariantStatus): string {
  if (!status.revealed) {
    const left = `${status.triesLeft} ${status.triesLeft === 1 ? "try" : "tries"} left before the answers are shown`;
    return `${left}; expected values stay hidden until then.`;
  }
  const label = variantLabel(status);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}: this variant is finished. Further attempts are graded and stored but earn no credit; a new variant (another seed) does.`;
}
