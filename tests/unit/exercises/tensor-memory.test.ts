// 10,000 grades on the tfjs path leave no tensor behind: every exercise that
// calls the reference block is graded over and over, and tfjs's live tensor
// count is the same before and after.
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { EXERCISES } from "@/exercises";
import { formatStepValue, gradeExercise } from "@/lib/grading";
import { initReferenceBackend } from "@/lib/reference";
import { tfjsOps } from "@/lib/reference/tfjs-ops";
import { recordingOps } from "./reference-ops";

const GRADES = 10_000;

describe("tfjs memory over many grades", () => {
  beforeAll(async () => {
    await initReferenceBackend();
  });

  it(`keeps tf.memory().numTensors flat over ${GRADES.toLocaleString("en")} grades`, { timeout: 120_000 }, () => {
    const blockExercises = EXERCISES.filter((exercise) => {
      const { ops, calls } = recordingOps();
      exercise.solve(1, ops);
      return calls.size > 0;
    });
    expect(blockExercises.length).toBeGreaterThan(0);
    const answers = blockExercises.map((exercise) => {
      const values = exercise.solve(1, tfjsOps);
      return Object.fromEntries(exercise.steps.map((s) => [s.key, formatStepValue(values[s.key] ?? 0, 12)]));
    });

    const before = tf.memory().numTensors;
    let fullMarks = 0;
    for (let i = 0; i < GRADES; i++) {
      const k = i % blockExercises.length;
      const exercise = blockExercises[k];
      if (!exercise) continue;
      if (gradeExercise(exercise, 1, answers[k] ?? {}, tfjsOps).correct) fullMarks++;
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(fullMarks).toBe(GRADES);
  });
});
