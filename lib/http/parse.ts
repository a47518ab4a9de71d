// Parsing at the edge: bodies are type-checked, size-capped, JSON-checked and
// zod-validated before any handler code sees them.
import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { requireJsonContentType } from "./content-type";
import { zodIssues } from "./error-response";
import { readCappedBody } from "./read-capped-body";

/** Default cap for JSON request bodies, in bytes. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads, caps and validates a JSON body. Throws AppError UNSUPPORTED_MEDIA_TYPE
 * (the body is not declared `application/json` or `application/*+json`; checked
 * before a byte is read), PAYLOAD_TOO_LARGE or VALIDATION.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<z.infer<S>> {
  requireJsonContentType(request);
  const bytes = await readCappedBody(request, limitBytes, `The request body is larger than ${Math.round(limitBytes / 1024)} KiB`);
  const text = new TextDecoder().decode(bytes);
  let raw: unknown;
  try {
    raw = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON");
  }
  return parseValue(raw, schema);
}

/** Validates URL search params (each key taken once) against a schema. */
export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  return parseValue(params, schema);
}

/** Validates an already-decoded value; the AppError names the first bad field. */
export function parseValue<S extends z.ZodType>(raw: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  const first = issues[0];
  throw new AppError("VALIDATION", first ? `${first.path}: ${first.message}` : "Invalid request", issues);
}
