// Tensors as JSON: nested arrays, or { "shape": [...], "data": [...] } with
// the data flat in row-major order (nested data is flattened). JSON has no
// NaN or Infinity, so they travel as the strings "NaN", "Infinity" and
// "-Infinity", both ways. Reading streams: the decoder takes bytes in any
// split, never holds the text, never recurses, and refuses at the first
// byte that settles it.
import type { Tensor } from "../lab-types";
import { fail, MAX_RANK, toDecodeResult, type DecodedValues, type DecodeResult } from "./decode-result";
import { FloatSink } from "./float-sink";
import { NestedArrays } from "./json-nested";
import { JsonScanner, type JsonListener } from "./json-scanner";
import { OBJECT_FORM, ShapeAndData } from "./json-shape-data";

const NON_FINITE = new Map<string, number>([
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
]);

const NOT_A_TENSOR = 'send a number, nested arrays of numbers, or {"shape": [...], "data": [...]}';

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

/** Something that reads a tensor file from bytes arriving in pieces. */
export type TensorDecoder = {
  /** Reads the next bytes; a message as soon as the file is known to be unacceptable, else null. */
  write(bytes: Uint8Array): string | null;
  /** The file has ended: its shape and values (in blocks), or why not. */
  finish(): DecodedValues;
  /** The file has ended: the tensor (values in one array), or why not. */
  end(): DecodeResult;
  /** Gives back the values' blocks (see FloatSink.release): after a refusal, or when the caller is done. */
  release(): void;
};

// What each open container means.
const NESTED = 1;
const ROOT = 2;
const SHAPE = 3;
const DATA = 4;
const SKIP = 5;

/**
 * Reads a JSON tensor incrementally. Refuses, with the position of the
 * problem: text that is not JSON, nesting past MAX_RANK, ragged nested
 * arrays, entries that are neither numbers nor the three non-finite strings,
 * a `data` whose length is not the product of `shape`, and more than
 * `maxElements` elements. Memory: the output array, and a few bytes a level.
 */
export class JsonTensorDecoder implements TensorDecoder, JsonListener {
  private readonly maxElements: number;
  private readonly scanner: JsonScanner;
  private readonly frames = new Uint8Array(MAX_RANK + 2);
  private depth = 0;
  private nested: NestedArrays | null = null;
  private object: ShapeAndData | null = null;
  private rootKey: "shape" | "data" | null = null;
  private result: DecodedValues | null = null;

  constructor(maxElements: number) {
    this.maxElements = maxElements;
    // One level for the {shape, data} object around MAX_RANK levels of data.
    this.scanner = new JsonScanner(this, MAX_RANK + 1);
  }

  write(bytes: Uint8Array): string | null {
    return this.scanner.write(bytes);
  }

  finish(): DecodedValues {
    const problem = this.scanner.end();
    if (problem) return fail(problem);
    return this.result ?? fail(NOT_A_TENSOR);
  }

  end(): DecodeResult {
    return toDecodeResult(this.finish());
  }

  release(): void {
    this.nested?.release();
    this.object?.release();
  }

  openArray(depth: number): string | null {
    const problem = this.openIn(depth, true);
    this.depth = depth + 1;
    return problem;
  }

  openObject(depth: number): string | null {
    const problem = this.openIn(depth, false);
    this.depth = depth + 1;
    return problem;
  }

  closeArray(depth: number): string | null {
    this.depth = depth;
    const frame = this.frames[depth];
    if (frame === NESTED) {
      const problem = this.nested?.close(depth) ?? null;
      if (problem || depth > 0 || !this.nested) return problem;
      this.result = { ok: true, ...this.nested.result() };
      return null;
    }
    if (frame === SHAPE) return this.object?.endShape() ?? null;
    if (frame === DATA && depth === 1) return this.object?.endData() ?? null;
    return null;
  }

  closeObject(depth: number): string | null {
    this.depth = depth;
    if (depth > 0 || !this.object) return null;
    const finished = this.object.finish();
    if ("problem" in finished) return finished.problem;
    this.result = { ok: true, ...finished };
    return null;
  }

  key(name: string | null): string | null {
    if (this.depth === 1) this.rootKey = name === "shape" || name === "data" ? name : null;
    return null;
  }

  number(value: number): string | null {
    return this.value(value, "", true);
  }

  string(value: string | null, quoted: string): string | null {
    return this.value((value !== null ? NON_FINITE.get(value) : undefined) ?? null, quoted, false);
  }

  longString(quoted: string): string | null {
    return this.value(null, quoted, false);
  }

  literal(name: "true" | "false" | "null"): string | null {
    return this.value(null, name, false);
  }

  /** Decides what the container opening at `depth` means, from the one around it. */
  private openIn(depth: number, isArray: boolean): string | null {
    if (depth === 0) {
      if (isArray) {
        this.nested = new NestedArrays(this.maxElements);
        this.frames[0] = NESTED;
        return this.nested.open(0);
      }
      this.object = new ShapeAndData(this.maxElements);
      this.frames[0] = ROOT;
      return null;
    }
    const around = this.frames[depth - 1];
    if (around === NESTED && this.nested) {
      this.frames[depth] = NESTED;
      return isArray ? this.nested.open(depth) : this.nested.value(depth, null, "an object");
    }
    if (around === ROOT && this.object) {
      if (this.rootKey === "shape") {
        this.frames[depth] = SHAPE;
        return this.object.startShape(isArray);
      }
      if (this.rootKey === "data") {
        this.frames[depth] = DATA;
        return this.object.startData() ?? (isArray ? this.object.openData(0) : this.object.dataValue(0, null, "an object"));
      }
    }
    if (around === SHAPE) return this.object?.shapeEntry(null) ?? OBJECT_FORM;
    if (around === DATA && this.object) {
      this.frames[depth] = DATA;
      return isArray ? this.object.openData(depth - 1) : this.object.dataValue(depth - 1, null, "an object");
    }
    this.frames[depth] = SKIP;
    return null;
  }

  /**
   * A value at the current depth: a number (`isNumber`, or one of the
   * non-finite strings), or null for anything else, described by `quoted`.
   */
  private value(value: number | null, quoted: string, isNumber: boolean): string | null {
    const depth = this.depth;
    if (depth === 0) {
      if (value === null) return NOT_A_TENSOR;
      const values = new FloatSink(1);
      values.push(value);
      this.result = { ok: true, shape: [], values };
      return null;
    }
    const around = this.frames[depth - 1];
    if (around === NESTED) return this.nested?.value(depth, value, quoted) ?? null;
    if (around === SHAPE) return this.object?.shapeEntry(isNumber ? value : null) ?? null;
    if (around === DATA) return this.object?.dataValue(depth - 1, value, quoted) ?? null;
    if (around === ROOT && this.object) {
      if (this.rootKey === "shape") return this.object.startShape(false);
      if (this.rootKey === "data") return this.object.startData() ?? this.object.dataValue(0, value, quoted) ?? this.object.endData();
    }
    return null;
  }
}

/**
 * Reads a tensor from JSON text (the whole file at once); see JsonTensorDecoder
 * for what is refused.
 */
export function decodeJsonTensor(text: string, maxElements: number): DecodeResult {
  const decoder = new JsonTensorDecoder(maxElements);
  const problem = decoder.write(new TextEncoder().encode(text));
  return problem ? fail(problem) : decoder.end();
}
