// Starting a grill: pick the module, draw the items from the grill id's seed
// and store the grill with all its items in one transaction. A retried start
// (same client-generated id) returns the grill stored the first time.
import type { PrismaClient } from "../db/generated/client";
import { AppError, conflict, notFound } from "../errors/app-error";
import { isRetryableWriteConflict } from "../reviews/write-conflict";
import { EXERCISES } from "../../exercises";
import { drawGrillItems, seedFromId, type GrillDifficulty } from "./draw-items";
import { selectGrillModules, selectOptionalGrill, selectRecentlyAsked } from "./grill-rows";
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

/** Starts (or, for a retried id, returns) the grill; `created` is false for a retry. */
export async function startGrill(db: PrismaClient, input: StartGrillInput, now: Date): Promise<{ grill: GrillView; created: boolean }> {
  const earlier = await db.grillSession.findUnique({ where: { id: input.grillId }, select: { userId: true } });
  if (earlier) return { grill: await retried(db, input, earlier.userId, now), created: false };

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
    numeric: quickExercises(EXERCISES),
    recentCardIds: recent.cardIds,
    recentSlugs: recent.slugs,
  });
  if (!drawn.ok) {
    const which = input.difficulty ? `${input.difficulty.toLowerCase()} ` : "";
    const message = `Only ${drawn.available} ${which}questions are available in ${module.title}; choose a shorter grill or another difficulty`;
    throw new AppError("VALIDATION", message, [{ path: "length", message }]);
  }

  try {
    await db.$transaction([
      db.grillSession.create({
        data: {
          id: input.grillId,
          userId: input.userId,
          moduleId: module.id,
          difficulty: input.difficulty,
          secondsPerItem: input.secondsPerItem,
          startedAt: now,
        },
      }),
      db.grillItem.createMany({
        data: drawn.items.map((item) => ({
          grillId: input.grillId,
          position: item.position,
          topic: item.topic,
          ...(item.kind === "interview" ? { cardId: item.cardId } : { exerciseSlug: item.exerciseSlug, seed: item.seed }),
        })),
      }),
    ]);
  } catch (error) {
    // Two copies of one start raced: the other one stored it.
    if (!isRetryableWriteConflict(error)) throw error;
    const winner = await db.grillSession.findUnique({ where: { id: input.grillId }, select: { userId: true } });
    if (!winner) throw error;
    return { grill: await retried(db, input, winner.userId, now), created: false };
  }
  const grill = await selectOptionalGrill(db, input.userId, input.grillId);
  if (!grill) throw new Error("startGrill: the grill just stored is missing");
  return { grill: toGrillView(grill, now), created: true };
}

async function retried(db: PrismaClient, input: StartGrillInput, ownerId: string, now: Date): Promise<GrillView> {
  if (ownerId !== input.userId) throw conflict("This grill id is already in use");
  const grill = await selectOptionalGrill(db, input.userId, input.grillId);
  if (!grill) throw notFound("Grill");
  return toGrillView(grill, now);
}
