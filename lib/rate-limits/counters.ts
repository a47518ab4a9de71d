// The rate_limit_counter table: fixed-window hit counters shared by every app
// instance on the database. One hit is one INSERT … ON CONFLICT DO UPDATE, so
// concurrent hits from any number of processes are each counted exactly once.
import { z } from "zod";
import type { Db } from "../db/client";
import { windowCutoff, type WindowCount, type WindowRule } from "./policy";

const CountRowSchema = z.object({ windowStart: z.date(), hits: z.number().int().positive() });

/**
 * Counts one hit for `key` under `rule` at `now` and returns the window as it
 * stands after it: a key whose window started at or before `now − windowMs`
 * starts a new window at `now` with 1 hit.
 */
export async function countHit(db: Db, key: string, rule: WindowRule, now: Date): Promise<WindowCount> {
  const cutoff = windowCutoff(rule, now);
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO rate_limit_counter AS c ("key", "windowStart", hits)
    VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = CASE WHEN c."windowStart" <= ${cutoff} THEN ${now} ELSE c."windowStart" END,
      hits = CASE WHEN c."windowStart" <= ${cutoff} THEN 1 ELSE c.hits + 1 END
    RETURNING "windowStart", hits`;
  return CountRowSchema.parse(rows[0]);
}

/** Deletes counters whose window started before `before`; returns how many went. */
export async function pruneCounters(db: Db, before: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit_counter WHERE "windowStart" < ${before}`;
}
