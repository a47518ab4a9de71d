// An uploaded file → the module it describes: decoded as UTF-8, its format
// settled, read as markdown notes or as CSV/TSV rows. Pure: bytes in, a
// ParsedModule and a word on an empty result out.
import { byteLength } from "../content/schemas";
import { fileStem, parseModuleSource, singleFileSource } from "../content/parse-module";
import type { ParsedModule } from "../content/schemas";
import { AppError } from "../errors/app-error";
import { csvModule } from "./csv-module";
import { decodeUploadText } from "./decode-text";
import { detectFormat, type ImportFormat } from "./detect-format";
import { MARKDOWN_LIMIT_BYTES } from "./limits";

export interface UploadInput {
  bytes: Uint8Array;
  /** The module's slug, chosen by the importer (never taken from the file). */
  slug: string;
  format?: ImportFormat;
  filename?: string;
  /** Overrides the title from front matter, the first heading or the file name. */
  title?: string;
}

export interface ParsedUpload {
  format: ImportFormat;
  module: ParsedModule;
  /** Why nothing would be imported, when that is so. */
  notice: string | null;
}

/** Reads an upload. Throws AppError VALIDATION for text that is not UTF-8 or a CSV file csv-parse cannot read, PAYLOAD_TOO_LARGE for markdown over its cap. */
export function parseUpload(input: UploadInput): ParsedUpload {
  const label = input.filename ? `The file ${JSON.stringify(input.filename.slice(0, 60))}` : "The upload";
  const text = decodeUploadText(input.bytes, label);
  const format = detectFormat(input.format, input.filename, text);
  const name = input.filename || (format === "markdown" ? "notes.md" : `cards.${format}`);
  const titled = input.title ? { title: input.title } : {};
  if (format === "markdown") {
    if (byteLength(text) > MARKDOWN_LIMIT_BYTES) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `${label} is ${(byteLength(text) / 1024).toFixed(0)} KiB: a markdown file can be at most ${MARKDOWN_LIMIT_BYTES / 1024} KiB. Split it into several modules.`,
      );
    }
    const module = parseModuleSource(singleFileSource(name, text, { slug: input.slug, ...titled }), { notes: true });
    return { format, module, notice: emptyNotice(module, format) };
  }
  const module = readCsv(name, text, format, input.slug, input.title ?? fileStem(name));
  return { format, module, notice: emptyNotice(module, format) };
}

function readCsv(name: string, text: string, format: "csv" | "tsv", slug: string, title: string): ParsedModule {
  try {
    return csvModule({ slug, title, fileName: name, text, format });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError("VALIDATION", `Could not read the ${format.toUpperCase()} file: ${message.slice(0, 200)}`);
  }
}

/** Says why a module yields no cards or checklist items; null when it yields some. */
export function emptyNotice(module: ParsedModule, format: ImportFormat): string | null {
  if (module.cards.length + module.checklist.length > 0) return null;
  const skipped = module.skipped.length;
  if (format !== "markdown") {
    return skipped
      ? `No cards: none of the ${skipped} row${skipped === 1 ? "" : "s"} could be used (the reasons are listed by line).`
      : "No cards: the file has no rows. Write one card per row: front, back and optional tags.";
  }
  return skipped
    ? `No cards: ${skipped} line${skipped === 1 ? " looks" : "s look"} like a question but could not be read (the reasons are listed by line).`
    : "No cards: no questions found. Write `Q:`/`A:` pairs, bold questions (**Why …?**) with the answer below, numbered questions, or headings ending in “?”.";
}
