// Many rows as one statement parameter: the rows go as one JSON text and
// `json_to_recordset(…::json) AS t(col type, …)` reads them back in Postgres.
// An array parameter per column costs far more in Node: Prisma serialises and
// re-reads every element of every array, and pg then quotes each into an array
// literal (≈7 s of CPU for a 100,000-review import); one JSON text is built
// natively and parsed by Postgres in C.

/** A lone surrogate is written by JSON.stringify as a `\udXXX` escape (a pair is written as itself). */
const ESCAPED_SURROGATE = /\\ud[89a-f]/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A lone UTF-16 surrogate becomes U+FFFD, as when pg encodes a text parameter
 * as UTF-8; JSON would keep it as a `\ud800` escape, which Postgres refuses.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === "string" ? value.replace(LONE_SURROGATE, "\ufffd") : value;
}

/**
 * `rows` as the JSON text a `json_to_recordset` parameter takes. Dates become
 * ISO 8601 UTC text, which a `timestamp` column of the record reads as UTC wall
 * time (Postgres ignores the zone for `timestamp`), the convention of every
 * timestamp column here; `undefined` fields are left out and read as NULL;
 * arrays read into array columns. A nested object is better sent as JSON text
 * and cast in SQL (`t.col::jsonb`): Postgres reads a `jsonb` record column
 * several times slower.
 */
export function jsonRows(rows: readonly object[]): string {
  const json = JSON.stringify(rows);
  // Rare (text with a lone surrogate, or a literal "\ud800" typed by someone): only then the slower replacer.
  return ESCAPED_SURROGATE.test(json) ? JSON.stringify(rows, wellFormed) : json;
}
