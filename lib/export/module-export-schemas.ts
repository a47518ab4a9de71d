// The module export request: which file format.
import { z } from "zod";

export const MODULE_EXPORT_FORMATS = ["md", "csv", "apkg"] as const;

export const ModuleExportFormatSchema = z
  .enum(MODULE_EXPORT_FORMATS)
  .describe("md: a zip of the module folder (module.json, markdown, media/); csv: front, back, tags; apkg: an Anki package with your review history");
export type ModuleExportFormat = z.infer<typeof ModuleExportFormatSchema>;

export const ModuleExportQuerySchema = z.object({ format: ModuleExportFormatSchema.default("md") });
