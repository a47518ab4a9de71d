// A CSV/TSV file → a ParsedModule: one BASIC card per row (front, back,
// optional tags separated by spaces or commas), read by csv-parse (quoted
// fields may hold the delimiter and line breaks). A first row naming the
// columns (front,back,tags / question,answer) is a header. A card's id comes
// from its front, so a re-import matches rows by their front: an edited back
// updates the card in place.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { sha256 } from "../content/ids";
import { MAX_CARDS } from "../content/limits";
import { assembleModule } from "../content/parse-module";
import type { QuestionItem } from "../content/parse-markdown";
import type { ParsedModule, SkippedLine } from "../content/schemas";
import { detectDelimiter, type Delimiter } from "./csv-delimiter";

const FRONT_NAMES = new Set(["front", "question", "q", "prompt", "term"]);
const BACK_NAMES = new Set(["back", "answer", "a", "definition", "response"]);
const TAG_NAMES = new Set(["tags", "tag", "labels"]);
const DELIMITER_NAME: Record<Delimiter, string> = { "\t": "tab", ";": "semicolon", ",": "comma" };

type Row = { fields: string[]; line: number };
type Columns = { front: number; back: number; tags: number | undefined };

/** What csv-parse returns per record with `info` on (its types do not model the option). */
const InfoRecordsSchema = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number(), empty_lines: z.number() }) }));

/** Records read at most: a header and one card per row, and one more to tell that the file goes on. */
const MAX_RECORDS = MAX_CARDS + 2;

/**
 * The first MAX_RECORDS records with the line each starts on (csv-parse
 * counts the line a record ends on: a record starts after the previous one
 * and the empty lines skipped since). Stops reading there, so a huge file
 * costs no more than MAX_RECORDS rows.
 */
function readRows(text: string, delimiter: Delimiter): Row[] {
  const parsed: unknown = parse(text, {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    to: MAX_RECORDS,
  });
  let end = 0;
  let empty = 0;
  return InfoRecordsSchema.parse(parsed).map(({ record, info }) => {
    const line = end + 1 + (info.empty_lines - empty);
    end = info.lines;
    empty = info.empty_lines;
    return { fields: record, line };
  });
}

/** The columns a header row names, or undefined when the first row is data. */
function headerColumns(first: readonly string[]): Columns | undefined {
  const names = first.map((f) => f.trim().toLowerCase());
  const front = names.findIndex((n) => FRONT_NAMES.has(n));
  const back = names.findIndex((n) => BACK_NAMES.has(n));
  if (front < 0 || back < 0) return undefined;
  const tags = names.findIndex((n) => TAG_NAMES.has(n));
  return { front, back, tags: tags < 0 ? undefined : tags };
}

function tagsOf(field: string | undefined): string[] {
  return [
    ...new Set(
      (field ?? "")
        .split(/[\s,]+/)
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export interface CsvModuleInput {
  slug: string;
  title: string;
  fileName: string;
  text: string;
  format: "csv" | "tsv";
}

/** Reads the file; rows it cannot use are skipped lines with reasons. Throws csv-parse's error for a file it cannot read at all. */
export function csvModule(input: CsvModuleInput): ParsedModule {
  const delimiter = detectDelimiter(input.text, input.format);
  const rows = readRows(input.text, delimiter).filter((r) => r.fields.some((f) => f.trim()));
  const header = rows[0] ? headerColumns(rows[0].fields) : undefined;
  const columns: Columns = header ?? { front: 0, back: 1, tags: 2 };
  const data = header ? rows.slice(1) : rows;
  const skipped: SkippedLine[] = [];
  const items: QuestionItem[] = [];
  const seen = new Map<string, number>();
  const skip = (row: Row, reason: string) => skipped.push({ file: input.fileName, line: row.line, text: row.fields.join(" | ").slice(0, 120), reason });
  for (const row of data) {
    if (items.length + skipped.length >= MAX_CARDS) {
      skip(row, `more than ${MAX_CARDS} rows: this row and the ones after it were not read`);
      break;
    }
    const front = (row.fields[columns.front] ?? "").trim();
    const back = (row.fields[columns.back] ?? "").trim();
    if (row.fields.length < 2) {
      skip(row, `one field only: no ${DELIMITER_NAME[delimiter]} separates a front from a back`);
      continue;
    }
    if (!front || !back) {
      skip(row, front ? "the back is empty: a card needs a front and a back" : "the front is empty: a card needs a front and a back");
      continue;
    }
    const key = front.toLowerCase().replace(/\s+/g, " ");
    const first = seen.get(key);
    if (first !== undefined) {
      skip(row, `the same front is already on line ${first}: a front names its card, so it must be unique`);
      continue;
    }
    seen.set(key, row.line);
    const ref = { file: input.fileName, line: row.line };
    items.push({
      ref,
      excerpt: front.slice(0, 120),
      markers: { reverse: false, tags: columns.tags === undefined ? [] : tagsOf(row.fields[columns.tags]), problems: [], notes: [] },
      context: { topic: "", section: "" },
      type: "question",
      source: "csv",
      question: front,
      answer: back,
      keyPoints: [],
    });
  }
  const module = { slug: input.slug, title: input.title, description: "", sourceHash: sha256(input.text) };
  return assembleModule(module, [input.fileName], [{ items, skipped, warnings: [] }]);
}
