// Which reader an upload needs: the format asked for, else the file name's
// extension, else a look at the text (a tab or a steady count of commas or
// semicolons on its first lines, and no markdown question syntax).
import { z } from "zod";

export const ImportFormatSchema = z.enum(["markdown", "csv", "tsv"]).describe("markdown: notes; csv/tsv: one card per row (front, back, tags).");
export type ImportFormat = z.infer<typeof ImportFormatSchema>;

const BY_EXTENSION: Record<string, ImportFormat> = { md: "markdown", markdown: "markdown", txt: "markdown", csv: "csv", tsv: "tsv", tab: "tsv" };
const MARKDOWN_SIGNS = /^(?:#{1,6}\s|\s*(?:\*\*)?(?:Q|Question)\s*[:.]|\s*\d+[.)]\s+\*\*|\s*\*\*|\s*[-*+]\s)/m;

/** The format for an upload named `filename` holding `text`; `asked` (from the request) wins. */
export function detectFormat(asked: ImportFormat | undefined, filename: string | undefined, text: string): ImportFormat {
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
