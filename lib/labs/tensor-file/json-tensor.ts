// Tensors as JSON: nested arrays, or { "shape": [...], "data": [...] } with
// the data flat in row-major order (nested data is flattened). JSON has no
// NaN or Infinity, so they travel as the strings "NaN", "Infinity" and
// "-Infinity", both ways.
import type { Tensor } from "../lab-types";
import { checkShape, fail, MAX_RANK, tooManyElements, type DecodeResult } from "./decode-result";

const NON_FINITE = new Map<string, number>([
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
]);

/** A number as JSON can carry it: finite numbers as is, the rest as "NaN" / "Infinity" / "-Infinity". */
export function jsonNumber(value: number): number | string {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "Infinity" : "-Infinity";
}

/** The `{ shape, data }` form of a tensor, data flat and row-major. */
export function tensorToJson(tensor: Tensor): { shape: number[]; data: (number | string)[] } {
  return { shape: [...tensor.shape], data: Array.from(tensor.data, jsonNumber) };
}

/**
 * Reads a tensor from JSON text. Refuses, with the position of the problem:
 * text that is not JSON, ragged nested arrays, entries that are neither
 * numbers nor the three non-finite strings, a `data` whose length is not the
 * product of `shape`, and more than `maxElements` elements.
 */
export function decodeJsonTensor(text: string, maxElements: number): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("not valid JSON: send nested arrays, or {\"shape\": [...], \"data\": [...]}");
  }
  return decodeJsonValue(raw, maxElements);
}

/** Like decodeJsonTensor, for an already-parsed value. */
export function decodeJsonValue(raw: unknown, maxElements: number): DecodeResult {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) return fromShapeAndData(raw as Record<string, unknown>, maxElements);
  const shape = nestedShape(raw);
  if (typeof shape === "string") return fail(shape);
  const shapeError = checkShape(shape, maxElements);
  if (shapeError) return fail(shapeError);
  return flatten(raw, shape, maxElements);
}

function fromShapeAndData(raw: Record<string, unknown>, maxElements: number): DecodeResult {
  const { shape, data } = raw;
  if (!Array.isArray(shape) || !("data" in raw)) {
    return fail("a JSON object must be {\"shape\": [...], \"data\": [...]} (or send nested arrays instead)");
  }
  if (!shape.every((d): d is number => typeof d === "number")) return fail("\"shape\" must be a list of whole numbers");
  const shapeError = checkShape(shape, maxElements);
  if (shapeError) return fail(shapeError);
  const count = shape.reduce((a, b) => a * b, 1);
  const flat = flatten(data, null, maxElements);
  if (!flat.ok) return flat;
  if (flat.tensor.data.length !== count) {
    return fail(`wrong element count: shape [${shape.join(", ")}] needs ${count} values, "data" holds ${flat.tensor.data.length}`);
  }
  return { ok: true, tensor: { shape: [...shape], data: flat.tensor.data } };
}

/** The shape of nested arrays, read along the first element of each level; a message when it is not a tensor. */
function nestedShape(raw: unknown): number[] | string {
  const shape: number[] = [];
  let level = raw;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (shape.length > MAX_RANK) return `too many nested levels (at most ${MAX_RANK} axes)`;
    level = level[0];
  }
  if (shape.length === 0 && scalar(raw) === undefined) return "send a number, nested arrays of numbers, or {\"shape\": [...], \"data\": [...]}";
  return shape;
}

/** Walks the nested arrays in row-major order; with `shape`, checks every row's length against it. */
function flatten(raw: unknown, shape: number[] | null, maxElements: number): DecodeResult {
  const values: number[] = [];
  const path: number[] = [];
  const walk = (node: unknown, depth: number): string | null => {
    if (Array.isArray(node)) {
      if (shape && (depth >= shape.length || node.length !== shape[depth])) {
        return `ragged arrays: the row at [${path.join(", ")}] has ${node.length} entries, expected ${shape[depth] ?? "a number"}`;
      }
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        const problem = walk(node[i], depth + 1);
        path.pop();
        if (problem) return problem;
      }
      return null;
    }
    if (shape && depth !== shape.length) return `ragged arrays: a number at [${path.join(", ")}] where a list of ${shape[depth]} was expected`;
    const value = scalar(node);
    if (value === undefined) {
      return `the entry at [${path.join(", ")}] is ${JSON.stringify(node) ?? String(node)}: use a number or "NaN", "Infinity", "-Infinity"`;
    }
    if (values.length >= maxElements) return tooManyElements(values.length + 1, maxElements);
    values.push(value);
    return null;
  };
  const problem = walk(raw, 0);
  if (problem) return fail(problem);
  return { ok: true, tensor: { shape: shape ?? [values.length], data: Float64Array.from(values) } };
}

function scalar(node: unknown): number | undefined {
  if (typeof node === "number") return node;
  if (typeof node === "string") return NON_FINITE.get(node);
  return undefined;
}
