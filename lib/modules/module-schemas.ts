// What a learner may send about their modules: a new module, changes to one
// they own, and how any module they can see feeds their daily review.
import { z } from "zod";
import { SlugSchema } from "../content/schemas";
import { textSchema } from "../http/text-schema";

const TitleSchema = textSchema(120).trim().min(1, { error: "must not be empty" });
const DescriptionSchema = textSchema(1000);

export const NewModuleSchema = z
  .object({
    slug: SlugSchema.describe("Kebab-case, unique among your modules; used in URLs and by `residual import --module`."),
    title: TitleSchema,
    description: DescriptionSchema.default(""),
  })
  .strict();
export type NewModule = z.infer<typeof NewModuleSchema>;

export const ModulePatchSchema = z
  .object({
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    archived: z.boolean().optional().describe("An archived module keeps its cards and history and feeds no queue."),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { error: "send at least one of title, description, archived" });
export type ModulePatch = z.infer<typeof ModulePatchSchema>;

export const StudyPatchSchema = z
  .object({
    studying: z.boolean().optional().describe("Whether the module's cards come up in the daily review."),
    desiredRetention: z.number().min(0.7).max(0.99).nullable().optional().describe("This module's own target; null follows your settings."),
    newCardsPerDay: z
      .number()
      .int()
      .min(0)
      .max(9999)
      .nullable()
      .optional()
      .describe("At most this many new cards a day from this module; null: its preset's limit (and your overall one)."),
    presetId: z.uuid().nullable().optional().describe("One of your presets for this module; null: your settings (the default preset)."),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { error: "send at least one of studying, desiredRetention, newCardsPerDay, presetId" });
export type StudyPatch = z.infer<typeof StudyPatchSchema>;

export const ModuleSlugParamsSchema = z.object({ slug: SlugSchema });

export const DeleteModuleQuerySchema = z.object({
  confirm: z.string().max(200).describe("The module's slug again: a delete cannot be undone."),
});
