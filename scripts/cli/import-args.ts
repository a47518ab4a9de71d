// `import FILE --module SLUG [--title T] [--format F] [--dry-run]` → an import command, or a usage message. Pure.
import { z } from "zod";

export type ImportCommand = {
  kind: "import";
  file: string;
  module?: string;
  title?: string;
  format?: "markdown" | "csv" | "tsv" | "anki" | "zip";
  dryRun: boolean;
};

export type ImportArgValues = { module?: string; title?: string; format?: string; dryRun?: boolean };

export const IMPORT_USAGE = [
  "  import <file> --module <slug> [--title T]   import notes (.md) or cards (.csv/.tsv) into your module <slug>",
  "  import <deck.apkg> [--module <slug>]         an Anki package with its review history: one module per deck",
  "  import <module.zip> [--module <slug>]        a module downloaded as a zip (markdown and media/): into the module it names",
  "        [--format markdown|csv|tsv|anki|zip] [--dry-run]   (--dry-run: print the preview, write nothing)",
].join("\n");

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "--module is a kebab-case slug, e.g. attention-notes")
  .max(64, "--module is at most 64 characters");
const FormatSchema = z.enum(["markdown", "csv", "tsv", "anki", "zip"], { error: "--format is markdown, csv, tsv, anki or zip" });

type Parsed = { ok: true; command: ImportCommand } | { ok: false; message: string };

/** `rest` is what follows `import`. */
export function parseImportCommand(rest: readonly string[], values: ImportArgValues): Parsed {
  const [file, ...extra] = rest;
  if (file === undefined || extra.length) return { ok: false, message: "`import` takes one file: import <file> --module <slug>" };
  const format = values.format === undefined ? undefined : FormatSchema.safeParse(values.format);
  if (format && !format.success) return { ok: false, message: format.error.issues[0]?.message ?? "bad --format" };
  // A package names its own modules: Anki decks, a zip's module.json.
  const packaged = format?.data === "anki" || format?.data === "zip" || /\.(?:apkg|colpkg|zip)$/i.test(file);
  if (values.module === undefined && !packaged)
    return { ok: false, message: "`import` needs --module <slug>: the module of yours to import into (created when new)" };
  const slug = values.module === undefined ? undefined : SlugSchema.safeParse(values.module);
  if (slug && !slug.success) return { ok: false, message: slug.error.issues[0]?.message ?? "bad --module" };
  const title = values.title?.trim();
  if (title !== undefined && (title.length === 0 || title.length > 120)) return { ok: false, message: "--title is 1 to 120 characters" };
  return { ok: true, command: { kind: "import", file, module: slug?.data, title, format: format?.data, dryRun: values.dryRun ?? false } };
}
