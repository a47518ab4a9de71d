// What the reschedule API accepts.
import { z } from "zod";

export const RescheduleBodySchema = z
  .object({
    id: z.uuid().describe("A UUID you make for this reschedule: repeating it returns the same run instead of moving cards twice."),
    reason: z
      .enum(["RETENTION", "WEIGHTS", "BALANCING", "MANUAL"])
      .describe("What changed: the desired retention, the FSRS weights, load balancing or easy days, or nothing in particular."),
    dryRun: z.boolean().optional().describe("true: only count what would move (the preview); nothing is written and `id` is not used up."),
    asOf: z.iso.datetime().optional().describe("The preview's `asOf`: cards reviewed after it already follow the new settings and are left. Absent: now."),
  })
  .strict();

export const RescheduleIdParamsSchema = z.object({ id: z.uuid().describe("The reschedule run's id.") });
