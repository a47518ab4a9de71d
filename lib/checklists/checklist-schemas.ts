// Request shapes of the module routes (readiness and checklists).
import { z } from "zod";
import { SlugSchema } from "../content/schemas";

export const ModuleParamsSchema = z.object({ slug: SlugSchema.describe('The module\'s slug, e.g. "transformer-architecture".') });

export const ChecklistItemParamsSchema = ModuleParamsSchema.extend({
  itemId: z.uuid({ error: "Not a checklist item id" }).describe("The item's id, as listed by GET /api/modules/{slug}/checklist."),
});

export const ChecklistItemPutBodySchema = z
  .object({ checked: z.boolean().describe("true ticks the item, false unticks it; repeating a call changes nothing.") })
  .strict();
