// What a learner may send about their presets: a new one (its id made by the
// client, so a retried create is recognised), changes to one, and its id.
import { z } from "zod";
import { textSchema } from "../http/text-schema";
import { PresetOptionsSchema } from "../scheduling/preset-options";

const NameSchema = textSchema(60).trim().min(1, { error: "must not be empty" }).describe("The preset's name, unique among yours (1–60 characters).");

export const NewPresetSchema = PresetOptionsSchema.partial()
  .extend({
    id: z.uuid().describe("Made by the client (a UUID): sending the same create again changes nothing."),
    name: NameSchema,
  })
  .strict();
export type NewPreset = z.infer<typeof NewPresetSchema>;

export const PresetPatchSchema = PresetOptionsSchema.partial()
  .extend({ name: NameSchema.optional() })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { error: "send at least one field to change" });
export type PresetPatch = z.infer<typeof PresetPatchSchema>;

export const PresetIdParamsSchema = z.object({ id: z.uuid() });
