// CSV as RFC 4180 describes it: CRLF between records, a field quoted when it
// holds a comma, a double quote, CR or LF (quotes inside doubled), the same
// field count on every line, a header line first. Text that a spreadsheet
// would run as a formula gets a leading ' (OWASP's advice on CSV injection):
// a typed answer or a token name is data, never a formula.

/** A value an export row may hold; nested values (arrays, JSON) become JSON text in CSV. */
export type ExportValue = string | number | boolean | null | Date | readonly unknown[] | { readonly [key: string]: unknown };

const NEEDS_QUOTES = /[",\r\n]/;
/** How a formula starts in Excel, LibreOffice and Google Sheets: =, +, -, @, tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field's text: empty for null, ISO 8601 (UTC) for dates, JSON for arrays
 * and objects, numbers and booleans as JavaScript prints them (a negative
 * number stays a number), and a string that starts like a formula with a
 * leading ' so spreadsheets show it as text.
 */
export function csvText(value: ExportValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return FORMULA_START.test(value) ? `'${value}` : value;
  return String(value);
}

/** One field, quoted only when it must be (RFC 4180 §2.6–2.7). */
export function csvField(value: ExportValue): string {
  const text = csvText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its CRLF terminator. */
export function csvRecord(values: readonly ExportValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * Parses CSV text back into records (RFC 4180, CRLF or LF line ends). Used by
 * tests and by anyone re-reading an export; a quote left open is an error.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (ch === "\r") i++;
    } else field += ch;
    i++;
  }
  if (quoted) throw new SyntaxError("CSV ends inside a quoted field");
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}
