// `export <slug> [--format md|csv|apkg] [--out dir]` → an export command, or a usage message. Pure.
import { z } from "zod";

export type ExportCommand = { kind: "export"; slug: string; format: "md" | "csv" | "apkg"; outDir: string };

export const EXPORT_USAGE = [
  "  export <slug> [--format md|csv|apkg]        download a module: md (folder as .zip, default), csv, or apkg (Anki,",
  "        [--out dir]                           with your review history) into dir (default .)",
].join("\n");

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "the module slug is kebab-case, e.g. attention-notes");
const FormatSchema = z.enum(["md", "csv", "apkg"], { error: "--format is md, csv or apkg" });

type Parsed = { ok: true; command: ExportCommand } | { ok: false; message: string };

/** `rest` is what follows `export`. */
export function parseExportCommand(rest: readonly string[], values: { format?: string; out?: string }): Parsed {
  const [slugText, ...extra] = rest;
  if (slugText === undefined || extra.length) return { ok: false, message: "`export` takes one module slug: export <slug> [--format md|csv|apkg] [--out dir]" };
  const slug = SlugSchema.safeParse(slugText);
  if (!slug.success) return { ok: false, message: slug.error.issues[0]?.message ?? "bad slug" };
  const format = FormatSchema.safeParse(values.format ?? "md");
  if (!format.success) return { ok: false, message: format.error.issues[0]?.message ?? "bad --format" };
  return { ok: true, command: { kind: "export", slug: slug.data, format: format.data, outDir: values.out ?? "." } };
}
