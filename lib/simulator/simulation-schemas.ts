// The simulator's request at the edge: a desired retention to try and a seed.
import { z } from "zod";
import { SeedParamSchema } from "../http/seed-schema";
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from "../scheduling";

export const SimulationQuerySchema = z.object({
  retention: z
    .string()
    .regex(/^(0\.\d{1,4}|1)$/, "retention is a decimal such as 0.9")
    .transform(Number)
    .pipe(z.number().min(MIN_DESIRED_RETENTION).max(MAX_DESIRED_RETENTION))
    .optional()
    .describe("Desired retention to simulate, 0.70–0.99; your own when omitted"),
  seed: SeedParamSchema.optional().describe("Seed of the simulated learner's answers (default 1): the same seed gives the same forecast"),
});

export type SimulationQuery = z.infer<typeof SimulationQuerySchema>;
