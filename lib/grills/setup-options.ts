// What the grill setup page offers: the learner's modules with interview
// questions, and how many questions each difficulty can fill.
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { availableItems } from "./draw-items";
import { selectGrillModules } from "./grill-modules";
import { quickExercises } from "./numeric-pool";

export type GrillModuleOption = {
  id: string;
  title: string;
  interviewCount: number;
  /** Longest grill each difficulty allows (interview questions plus quick exercises). */
  available: { ANY: number; EASY: number; MEDIUM: number; HARD: number };
};

/** The user's modules that have interview questions, in enrolment order; quick exercises come from `catalogue`. */
export async function grillModuleOptions(db: Db, catalogue: Catalogue, userId: string): Promise<GrillModuleOption[]> {
  const numeric = quickExercises(catalogue.exercises);
  const modules = await selectGrillModules(db, userId);
  return modules
    .filter((m) => m.interview.length > 0)
    .map((m) => {
      const pools = { interview: m.interview, numeric };
      return {
        id: m.id,
        title: m.title,
        interviewCount: m.interview.length,
        available: {
          ANY: availableItems(pools, null),
          EASY: availableItems(pools, "EASY"),
          MEDIUM: availableItems(pools, "MEDIUM"),
          HARD: availableItems(pools, "HARD"),
        },
      };
    });
}
