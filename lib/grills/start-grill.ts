// Starting a grill: pick the module, draw the items from the grill id's seed
// and store the grill with all its items in one transaction. A retried start
// (same client-generated id) returns the grill stored the first time.
import type { Catalogue } from "../catalogue/catalogue";
import { insertGrill, selectGrillOwner, selectOptionalGrill, selectRecentlyAsked } from "../data/grill";
import { isRetryableWriteConflict } from "../data/write-conflict";
import type { PrismaClient } from "../db/generated/client";
import { AppError, conflict, notFound } from "../errors/app-error";
import { drawGrillItems, seedFromId, type GrillDifficulty } from "./draw-items";
import { selectGrillModules } from "./grill-modules";
import { toGrillView, type GrillView } from "./grill-view";
import { quickExercises } from "./numeric-pool";

export type StartGrillInput = {
  userId: string;
  grillId: string;
  /** Default: the first enrolled module with interview questions. */
  moduleId?: string;
  length: number;
  difficulty: GrillDifficulty | null;
  secondsPerItem: number;
};

/** Starts (or, for a retried id, returns) the grill at `now`, numeric items drawn from `catalogue`; `created` is false for a retry. */
export async function startGrill(db: PrismaClient, catalogue: Catalogue, input: StartGrillInput, now: Date): Promise<{ grill: GrillView; created: boolean }> {
  const earlierOwner = await selectGrillOwner(db, input.grillId);
  if (earlierOwner !== null) return { grill: await retried(db, catalogue, input, earlierOwner, now), created: false };

  const modules = await selectGrillModules(db, input.userId);
  const module = input.moduleId ? modules.find((m) => m.id === input.moduleId) : modules.find((m) => m.interview.length > 0);
  if (!module) throw input.moduleId ? notFound("Module") : new AppError("VALIDATION", "None of your modules has interview questions yet");
  if (module.interview.length === 0) throw new AppError("VALIDATION", `${module.title} has no interview questions`);

  const recent = await selectRecentlyAsked(db, input.userId, module.id);
  const drawn = drawGrillItems({
    seed: seedFromId(input.grillId),
    length: input.length,
    difficulty: input.difficulty,
    interview: module.interview,
    numeric: quickExercises(catalogue.exercises),
    recentCardIds: recent.cardIds,
    recentSlugs: recent.slugs,
  });
  if (!drawn.ok) {
    const which = input.difficulty ? `${input.difficulty.toLowerCase()} ` : "";
    const message = `Only ${drawn.available} ${which}questions are available in ${module.title}; choose a shorter grill or another difficulty`;
    throw new AppError("VALIDATION", message, [{ path: "length", message }]);
  }

  const items = drawn.items.map((item) => ({
    position: item.position,
    topic: item.topic,
    question: item.kind === "interview" ? { cardId: item.cardId } : { exerciseSlug: item.exerciseSlug, seed: item.seed },
  }));
  try {
    await insertGrill(
      db,
      { id: input.grillId, userId: input.userId, moduleId: module.id, difficulty: input.difficulty, secondsPerItem: input.secondsPerItem, items },
      now,
    );
  } catch (error) {
    // Two copies of one start raced: the other one stored it.
    if (!isRetryableWriteConflict(error)) throw error;
    const winner = await selectGrillOwner(db, input.grillId);
    if (winner === null) throw error;
    return { grill: await retried(db, catalogue, input, winner, now), created: false };
  }
  const grill = await selectOptionalGrill(db, input.userId, input.grillId);
  if (!grill) throw new Error("startGrill: the grill just stored is missing");
  return { grill: toGrillView(grill, catalogue, now), created: true };
}

async function retried(db: PrismaClient, catalogue: Catalogue, input: StartGrillInput, ownerId: string, now: Date): Promise<GrillView> {
  if (ownerId !== input.userId) throw conflict("This grill id is already in use");
  const grill = await selectOptionalGrill(db, input.userId, input.grillId);
  if (!grill) throw notFound("Grill");
  return toGrillView(grill, catalogue, now);
}
