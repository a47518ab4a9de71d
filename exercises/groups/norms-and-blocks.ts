import type { Exercise } from "../../lib/grading/exercise-definition";

export const normsAndBlocks: Exercise[] = [];
