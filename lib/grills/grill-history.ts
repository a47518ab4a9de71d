// A learner's past grills, newest first, for the history list.
import { selectGrillSessions } from "../data/grill";
import type { Db } from "../db/client";

export type GrillHistoryEntry = {
  id: string;
  moduleTitle: string;
  startedAt: string;
  finishedAt: string | null;
  length: number;
  difficulty: "EASY" | "MEDIUM" | "HARD" | null;
  secondsPerItem: number;
  /** 0..1 once finished; null while still running. */
  score: number | null;
};

/** The user's grills, newest start first (ties by id), at most `limit`. */
export async function listGrills(db: Db, userId: string, limit: number): Promise<GrillHistoryEntry[]> {
  const rows = await selectGrillSessions(db, userId, limit);
  return rows.map((g) => ({
    id: g.id,
    moduleTitle: g.moduleTitle,
    startedAt: g.startedAt.toISOString(),
    finishedAt: g.finishedAt?.toISOString() ?? null,
    length: g.itemCount,
    difficulty: g.difficulty,
    secondsPerItem: g.secondsPerItem,
    score: g.score,
  }));
}
