// The sign_in_backoff table: failed sign-ins per account email, whatever the
// client address. An attempt is counted as a failure *before* its password is
// checked, in one statement that also refuses it while the account waits, so
// parallel guesses cannot slip in between a check and a write; a successful
// sign-in then deletes the record.
import { z } from "zod";
import type { Db } from "../db/client";
import { SIGN_IN_BACKOFF, backoffRemainingMs, backoffWaitTable } from "./policy";

const RecordSchema = z.object({ failures: z.number().int().positive(), lastFailureAt: z.date() });

export type BackoffRecord = z.infer<typeof RecordSchema>;

export type BackoffClaim = { allowed: true; record: BackoffRecord } | { allowed: false; retryAfterMs: number };

/**
 * Claims one sign-in attempt for `email` (lower case) at `now`. Refused, with
 * the time left, while the account waits (policy.ts `backoffWaitMs`).
 * Otherwise counted as a failure (a record quiet for `forgetAfterMs` after its
 * wait starts again at 1) and allowed; call `clearBackoff` when it succeeds.
 */
export async function claimSignInAttempt(db: Db, email: string, now: Date): Promise<BackoffClaim> {
  const first = await tryClaim(db, email, now);
  // null: the record was deleted (a sign-in succeeded) between the two statements; try once more.
  return first ?? (await tryClaim(db, email, now)) ?? { allowed: false, retryAfterMs: 1000 };
}

async function tryClaim(db: Db, email: string, now: Date): Promise<BackoffClaim | null> {
  const waits = backoffWaitTable();
  const forgetSeconds = SIGN_IN_BACKOFF.forgetAfterMs / 1000;
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO sign_in_backoff AS b (email, failures, "lastFailureAt")
    VALUES (${email}, 1, ${now})
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE
        WHEN ${now} >= b."lastFailureAt" + make_interval(secs => (${waits}::float8[])[least(b.failures, ${waits.length})] / 1000 + ${forgetSeconds})
        THEN 1 ELSE b.failures + 1 END,
      "lastFailureAt" = ${now}
    WHERE ${now} >= b."lastFailureAt" + make_interval(secs => (${waits}::float8[])[least(b.failures, ${waits.length})] / 1000)
    RETURNING failures, "lastFailureAt"`;
  if (rows.length > 0) return { allowed: true, record: RecordSchema.parse(rows[0]) };
  const record = await selectOptionalBackoff(db, email);
  if (!record) return null;
  return { allowed: false, retryAfterMs: Math.max(1000, backoffRemainingMs(record, now)) };
}

/** The failure record for `email`, or null when it has none. */
export async function selectOptionalBackoff(db: Db, email: string): Promise<BackoffRecord | null> {
  const row = await db.signInBackoff.findUnique({ where: { email }, select: { failures: true, lastFailureAt: true } });
  return row ? RecordSchema.parse(row) : null;
}

/** Forgets the failures of `email` (after a successful sign-in). */
export async function clearBackoff(db: Db, email: string): Promise<void> {
  await db.signInBackoff.deleteMany({ where: { email } });
}

/** Deletes records whose last failure is before `before`; returns how many went. */
export async function pruneBackoff(db: Db, before: Date): Promise<number> {
  const { count } = await db.signInBackoff.deleteMany({ where: { lastFailureAt: { lt: before } } });
  return count;
}
