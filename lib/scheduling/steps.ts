// Learning and relearning steps: whole minutes here, "1m"/"10m"/"1d" as people
// write them and as ts-fsrs reads them.

/** Most steps in one list; more is a typo, not a plan. */
export const MAX_STEPS = 10;
/** Longest step, in minutes (30 days): past that a card belongs in review. */
export const MAX_STEP_MINUTES = 43_200;

const UNITS = [
  { suffix: "d", minutes: 1440 },
  { suffix: "h", minutes: 60 },
  { suffix: "m", minutes: 1 },
] as const;

/** One step in the largest unit that divides it: 1440 → "1d", 90 → "90m", 120 → "2h". */
export function formatStep(minutes: number): string {
  const unit = UNITS.find((u) => minutes % u.minutes === 0 && minutes >= u.minutes) ?? UNITS[2];
  return `${minutes / unit.minutes}${unit.suffix}`;
}

/** Steps as one line ("1m 10m 1d"); empty for no steps. */
export function formatSteps(minutes: readonly number[]): string {
  return minutes.map(formatStep).join(" ");
}

/**
 * Reads "1m 10m 1d" (spaces or commas; m, h or d after each whole number; a
 * bare number is minutes) into minutes. Null when any part is not a step or
 * out of range, so the caller can say so; an empty line is no steps.
 */
export function parseSteps(text: string): number[] | null {
  const parts = text
    .trim()
    .split(/[\s,]+/)
    .filter((p) => p !== "");
  if (parts.length > MAX_STEPS) return null;
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,6})([mhd]?)$/i.exec(part);
    if (!match) return null;
    const unit = UNITS.find((u) => u.suffix === (match[2] || "m").toLowerCase());
    const value = Number(match[1]) * (unit?.minutes ?? 1);
    if (value < 1 || value > MAX_STEP_MINUTES) return null;
    minutes.push(value);
  }
  return minutes;
}

/** Minutes → ts-fsrs's step strings (it reads whole m/h/d units only). */
export function toFsrsSteps(minutes: readonly number[]): `${number}m`[] {
  return minutes.map((m) => `${m}m` as const);
}
