// The one schema for request text that is stored or echoed back: answers and
// their keys, token names, grill answers, settings strings, drawing ids. Postgres
// cannot hold a NUL character in text or jsonb, and a lone UTF-16 surrogate is
// not valid UTF-8, so either would fail the write with a 500; both are refused
// at the edge with a 422 that names the field.
import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, or null when it may be stored. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain a NUL character (U+0000)";
  if (LONE_SURROGATE.test(text)) return "must be valid Unicode text: it contains a lone surrogate (U+D800–U+DFFF without its pair)";
  return null;
}

/**
 * Storable text at most `max` characters long (UTF-16 code units, as
 * `String.length` counts). The length is checked first and stops the rest,
 * so an oversized string is never scanned. Chain `.trim()`, `.min()`,
 * `.regex()` or `.refine()` as a field needs.
 */
export function textSchema(max: number) {
  return z
    .string()
    .max(max, { error: `must be at most ${max} characters`, abort: true })
    .check((ctx) => {
      const problem = textProblem(ctx.value);
      if (problem !== null) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
    });
}
