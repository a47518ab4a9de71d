import { z } from "zod";

export const ApiTokenPostBodySchema = z
  .object({ name: z.string().trim().min(1).max(80).describe("A label to tell tokens apart, e.g. 'laptop CLI'.") })
  .strict();

export const ApiTokenIdParamsSchema = z.object({ id: z.uuid() });
