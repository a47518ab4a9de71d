// Request shapes of the review API, shared by the route handlers and the client.
import { z } from "zod";

export const ReviewPostBodySchema = z
  .object({
    id: z.uuid().describe("Client-generated review id; a retry with the same id records nothing new."),
    cardId: z.uuid(),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).describe("1 Again, 2 Hard, 3 Good, 4 Easy."),
    durationMs: z.number().int().min(0).max(3_600_000).optional().describe("Time from showing the card to rating it."),
    reviewedAt: z
      .number()
      .int()
      .positive()
      .max(8.64e15)
      .optional()
      .describe(
        "When the card was rated (ms since epoch, the device's clock), so a review made offline keeps its time; held between the card's last review and now.",
      ),
  })
  .strict();

export type ReviewPostBody = z.infer<typeof ReviewPostBodySchema>;

/** Route params holding one uuid: a review id or a card id. */
export const IdParamsSchema = z.object({ id: z.uuid() });
