// Which reader an upload needs: the format asked for, else the file name's
// extension, else a look at the bytes (a zip is an Anki package when it holds
// a collection, else a module folder) or the text (a tab or a steady count of
// commas or semicolons on its first lines, and no markdown question syntax).
import { z } from "zod";
import { UnpackBudget } from "../anki/unpack-budget";
import { listZipMembers } from "../anki/zip-reader";

export const ImportFormatSchema = z
  .enum(["markdown", "csv", "tsv", "anki", "zip"])
  .describe(
    "markdown: notes; csv/tsv: one card per row (front, back, tags); anki: an .apkg or .colpkg package, one module per deck, with its review history; zip: a module folder (module.json, markdown files, media/) as the markdown export writes it.",
  );
export type ImportFormat = z.infer<typeof ImportFormatSchema>;
/** The formats that arrive as a zip archive. */
export type PackageFormat = Extract<ImportFormat, "anki" | "zip">;
/** The formats read as text. */
export type TextFormat = Exclude<ImportFormat, PackageFormat>;

const BY_EXTENSION: Record<string, TextFormat> = { md: "markdown", markdown: "markdown", txt: "markdown", csv: "csv", tsv: "tsv", tab: "tsv" };
const MARKDOWN_SIGNS = /^(?:#{1,6}\s|\s*(?:\*\*)?(?:Q|Question)\s*[:.]|\s*\d+[.)]\s+\*\*|\s*\*\*|\s*[-*+]\s)/m;

const COLLECTION_MEMBER = /^collection\.anki(?:2|21|21b)$/;

/** The package format the request or the file name says (.apkg/.colpkg, .zip); null when they say none. */
export function namedPackageFormat(asked: ImportFormat | undefined, filename: string | undefined): PackageFormat | null {
  if (asked) return asked === "anki" || asked === "zip" ? asked : null;
  if (/\.(?:apkg|colpkg)$/i.test(filename ?? "")) return "anki";
  return /\.zip$/i.test(filename ?? "") ? "zip" : null;
}

/** Whether `bytes` start as a zip archive does (no text format starts with "PK\x03\x04"). */
export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The package format of an upload: named (see namedPackageFormat), else, for
 * a zip, "anki" when it holds an Anki collection and "zip" (a module folder)
 * otherwise; null for text. Reads only the zip's member names; a damaged or
 * hostile zip is refused here as the readers would refuse it.
 */
export async function packageFormat(asked: ImportFormat | undefined, filename: string | undefined, bytes: Uint8Array): Promise<PackageFormat | null> {
  const named = namedPackageFormat(asked, filename);
  if (named || asked || !isZipBytes(bytes)) return named;
  const names = await listZipMembers(bytes, new UnpackBudget());
  return names.some((name) => COLLECTION_MEMBER.test(name)) ? "anki" : "zip";
}

/** The format for an upload named `filename` holding `text`; `asked` (from the request) wins. */
export function detectFormat(asked: TextFormat | undefined, filename: string | undefined, text: string): TextFormat {
  if (asked) return asked;
  const extension = /\.([A-Za-z]+)$/.exec(filename ?? "")?.[1]?.toLowerCase();
  const byName = extension ? BY_EXTENSION[extension] : undefined;
  if (byName) return byName;
  return looksTabular(text) ? (text.split("\n", 1)[0]?.includes("\t") ? "tsv" : "csv") : "markdown";
}

/** A few first lines that all split into the same 2–3 fields, and no markdown question syntax. */
function looksTabular(text: string): boolean {
  if (MARKDOWN_SIGNS.test(text.slice(0, 4096))) return false;
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 5);
  if (lines.length === 0) return false;
  return ["\t", ";", ","].some((d) => {
    const counts = lines.map((l) => l.split(d).length - 1);
    return counts.every((c) => c === counts[0]) && (counts[0] === 1 || counts[0] === 2);
  });
}
