// The import request's query string, parsed once at the edge. The file itself
// is the raw body (read with a cap by the route).
import { z } from "zod";
import { SlugSchema } from "../content/schemas";
import { textSchema } from "../http/text-schema";
import { ImportFormatSchema } from "./detect-format";

const FlagSchema = z.enum(["1", "0", "true", "false"], { error: "use 1 or 0" }).transform((v) => v === "1" || v === "true");

export const ImportQuerySchema = z.object({
  module: SlugSchema.optional().describe(
    "Slug of your module to import into (created when new), e.g. attention-notes. Needed for notes and CSV; an Anki package's decks keep their names unless it holds one deck.",
  ),
  format: ImportFormatSchema.optional().describe("markdown, csv or tsv; by default from the file name, else from the text."),
  dryRun: FlagSchema.default(false).describe("1: answer with the preview and write nothing."),
  filename: textSchema(200).trim().min(1).optional().describe("The file's name: its extension picks the format, its stem is the default title."),
  title: textSchema(120).trim().min(1).optional().describe("The module's title; by default the front matter's, the first `#` heading or the file name."),
  id: z
    .uuid("Not an import id")
    .optional()
    .describe("Client-generated id of an Anki import job: a retried upload with the same id finds the same job and stores nothing new."),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export const ImportJobParamsSchema = z.object({ id: z.uuid("Not an import id") });
