// The user-editable scheduling (and display) settings and their bounds, shared by the
// settings API, the settings form and the scheduler.
import { z } from "zod";
import { textSchema } from "../http/text-schema";
import { PresetOptionsSchema } from "../scheduling/preset-options";
import { isValidTimeZone } from "../scheduling/study-day";

/** The settings: the default preset's options (which also set the day's overall limits and order) and the rest. */
export const SettingsPatchSchema = PresetOptionsSchema.extend({
  dayStartHour: z.number().int().min(0).max(23).describe("Local hour at which a new study day begins."),
  timeZone: textSchema(64).refine(isValidTimeZone, { error: "Unknown time zone", abort: true }).describe("IANA time zone, e.g. Europe/Berlin."),
  buttonMode: z.enum(["FOUR", "TWO"]).describe("Four rating buttons, or pass/fail."),
  theme: z.enum(["SYSTEM", "LIGHT", "DARK"]).describe("Colours: follow the device's light or dark setting, or always light, or always dark."),
  loadBalancing: z.boolean().describe("Spread review cards over their fuzz range towards the days with fewest cards due."),
  easyDays: z
    .array(z.number().int().min(0).max(100))
    .length(7)
    .describe("Percent of a normal review load wanted on each weekday, Monday first: 100 normal, 50 reduced, 0 minimum."),
})
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
