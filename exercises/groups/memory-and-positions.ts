import type { Exercise } from "../../lib/grading/exercise-definition";

export const memoryAndPositions: Exercise[] = [];
