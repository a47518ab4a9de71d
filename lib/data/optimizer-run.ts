// Data access for optimizer_run: one row per "Optimise from my reviews", kept
// whether or not its weights were adopted, so the settings page can say what
// the last run measured and when to run again.
import type { Db } from "../db/client";
import type { OptimizerRun } from "../db/generated/client";

export type { OptimizerRun };

/** The run with this client-made id, or null. Any user's: the caller checks the owner. */
export async function selectOptionalOptimizerRun(db: Db, id: string): Promise<OptimizerRun | null> {
  return db.optimizerRun.findUnique({ where: { id } });
}

/** The user's latest run (by `ranAt`), or null when they never ran the optimizer. */
export async function selectLatestOptimizerRun(db: Db, userId: string): Promise<OptimizerRun | null> {
  return db.optimizerRun.findFirst({ where: { userId }, orderBy: [{ ranAt: "desc" }, { id: "desc" }] });
}

/** Stores one run as given. */
export async function insertOptimizerRun(db: Db, run: OptimizerRun): Promise<void> {
  await db.optimizerRun.create({ data: run });
}
