// Which character separates the fields of a CSV/TSV file: the one (tab,
// semicolon, comma) that splits its first records into the same 2–3 fields
// most often. A comma inside text varies from row to row; the real delimiter
// does not.
import { parse } from "csv-parse/sync";

export type Delimiter = "\t" | ";" | ",";

/** Candidates in the order that wins a tie: a tab is never prose, and a semicolon file usually has commas in its text. */
const CANDIDATES: readonly Delimiter[] = ["\t", ";", ","];
const SAMPLE_RECORDS = 20;

function score(text: string, delimiter: Delimiter): number {
  let records: string[][];
  try {
    records = parse(text, { delimiter, to: SAMPLE_RECORDS, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
  } catch {
    return -1;
  }
  const widths = records.map((r) => r.length);
  const usable = widths.filter((w) => w >= 2 && w <= 3);
  if (usable.length === 0) return 0;
  const mode = [2, 3].map((w) => usable.filter((u) => u === w).length);
  return Math.max(...mode) / widths.length;
}

/** The delimiter of `text`; `tsv` forces a tab. */
export function detectDelimiter(text: string, format: "csv" | "tsv"): Delimiter {
  if (format === "tsv") return "\t";
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const s = score(text, d);
    if (s > bestScore) {
      best = d;
      bestScore = s;
    }
  }
  return best;
}
