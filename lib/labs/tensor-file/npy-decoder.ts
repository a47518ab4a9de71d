// Reading a .npy file as it streams in: the header (magic, version, dtype,
// order, shape, element cap) is checked from the first bytes, so a file that
// cannot be accepted is refused before its data arrives; the data is then
// converted into a float64 array of exactly the declared size through a small
// aligned scratch buffer, whatever the chunk boundaries.
import { checkShape, elementCount, fail, HOST_IS_LITTLE_ENDIAN, toDecodeResult, type DecodedValues, type DecodeResult } from "./decode-result";
import { FloatSink } from "./float-sink";
import type { TensorDecoder } from "./json-tensor";
import { looksLikeNpy, npyElement, parseNpyHeader, type NpyElement } from "./npy-header";

/** Longest header read (NumPy writes ~128 bytes; its own reader stops at 10,000). */
export const MAX_NPY_HEADER_BYTES = 64 * 1024;
/** Scratch for converting data: a multiple of every item size. */
const SCRATCH_BYTES = 64 * 1024;

type Layout = { element: NpyElement; shape: number[]; count: number; expectedBytes: number; out: FloatSink };

/**
 * Reads a .npy file (header versions 1, 2 and 3) into a float64 tensor.
 * Refuses, with a message a learner can act on: a bad magic or header,
 * Fortran order, big-endian or non-numeric dtypes, more than `maxElements`
 * elements (checked before any allocation), and a data section whose length
 * is not exactly shape × item size (refused at the first byte too many).
 */
export class NpyDecoder implements TensorDecoder {
  private readonly maxElements: number;
  private readonly preamble = new Uint8Array(12);
  private preambleFill = 0;
  private header: Uint8Array | null = null;
  private headerFill = 0;
  private major = 0;
  private layout: Layout | null = null;
  private received = 0;
  private readonly scratch = new Uint8Array(SCRATCH_BYTES);
  private scratchFill = 0;
  private failed: string | null = null;

  constructor(maxElements: number) {
    this.maxElements = maxElements;
  }

  write(bytes: Uint8Array): string | null {
    let at = 0;
    while (!this.failed && at < bytes.length) {
      if (this.layout) return this.data(bytes.subarray(at));
      if (this.header) at += this.readHeader(bytes, at);
      else at += this.readPreamble(bytes, at);
    }
    return this.failed;
  }

  finish(): DecodedValues {
    if (this.failed) return fail(this.failed);
    const layout = this.layout;
    if (!layout) {
      if (this.header) return fail("the .npy header is longer than the file");
      if (!looksLikeNpy(this.preamble.subarray(0, this.preambleFill))) return fail("not a .npy file: it does not start with \\x93NUMPY");
      return fail("the .npy header is cut short");
    }
    if (this.received !== layout.expectedBytes) return fail(this.countMessage(layout, String(this.received)));
    return { ok: true, shape: layout.shape, values: layout.out };
  }

  end(): DecodeResult {
    return toDecodeResult(this.finish());
  }

  release(): void {
    this.layout?.out.release();
  }

  private refuse(message: string): number {
    this.failed = message;
    return 0;
  }

  /** Magic, version and header length: 10 bytes (version 1) or 12 (versions 2 and 3). */
  private readPreamble(bytes: Uint8Array, at: number): number {
    const wanted = this.preambleFill < 8 ? 8 : this.major === 1 ? 10 : 12;
    const n = Math.min(wanted - this.preambleFill, bytes.length - at);
    this.preamble.set(bytes.subarray(at, at + n), this.preambleFill);
    this.preambleFill += n;
    if (this.preambleFill === 8) {
      if (!looksLikeNpy(this.preamble)) return this.refuse("not a .npy file: it does not start with \\x93NUMPY");
      this.major = this.preamble[6] ?? 0;
      if (this.major < 1 || this.major > 3) return this.refuse(`unsupported .npy version ${this.major}.${this.preamble[7]} (versions 1, 2 and 3 are read)`);
    } else if (this.preambleFill === wanted && wanted > 8) {
      const view = new DataView(this.preamble.buffer);
      const length = this.major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
      if (length > MAX_NPY_HEADER_BYTES) {
        return this.refuse(
          `the .npy header is ${length.toLocaleString("en-US")} bytes long (at most ${MAX_NPY_HEADER_BYTES.toLocaleString("en-US")}): save the array with np.save`,
        );
      }
      this.header = new Uint8Array(length);
      const problem = length === 0 ? this.parseHeader() : null;
      if (problem) return this.refuse(problem);
    }
    return n;
  }

  private readHeader(bytes: Uint8Array, at: number): number {
    const header = this.header ?? new Uint8Array();
    const n = Math.min(header.length - this.headerFill, bytes.length - at);
    header.set(bytes.subarray(at, at + n), this.headerFill);
    this.headerFill += n;
    const problem = this.headerFill === header.length ? this.parseHeader() : null;
    if (problem) return this.refuse(problem);
    return n;
  }

  /** The whole header is in: checks it and allocates the output; a message when it is refused. */
  private parseHeader(): string | null {
    const text = new TextDecoder(this.major === 3 ? "utf-8" : "latin1").decode(this.header ?? new Uint8Array());
    const parsed = parseNpyHeader(text);
    if (!parsed.ok) return parsed.message;
    const { descr, fortranOrder, shape } = parsed.header;
    if (fortranOrder) return "the array is in Fortran order; save a C-order array (np.ascontiguousarray(a)) instead";
    const element = npyElement(descr);
    if (typeof element === "string") return element;
    const shapeError = checkShape(shape, this.maxElements);
    if (shapeError) return shapeError;
    const count = elementCount(shape);
    this.layout = { element, shape, count, expectedBytes: count * element.size, out: new FloatSink(count) };
    return null;
  }

  /** Data bytes: refused at the first byte past the declared size, else converted into the output. */
  private data(bytes: Uint8Array): string | null {
    const layout = this.layout;
    if (!layout) return null;
    this.received += bytes.length;
    if (this.received > layout.expectedBytes) {
      this.failed = this.countMessage(layout, `more than ${layout.expectedBytes}`);
      return this.failed;
    }
    const size = layout.element.size;
    let at = 0;
    while (at < bytes.length) {
      const n = Math.min(SCRATCH_BYTES - this.scratchFill, bytes.length - at);
      this.scratch.set(bytes.subarray(at, at + n), this.scratchFill);
      this.scratchFill += n;
      at += n;
      const whole = Math.floor(this.scratchFill / size);
      if (whole === 0) continue;
      this.convert(layout, whole);
      const used = whole * size;
      this.scratch.copyWithin(0, used, this.scratchFill);
      this.scratchFill -= used;
    }
    return null;
  }

  private convert(layout: Layout, count: number): void {
    if (HOST_IS_LITTLE_ENDIAN) layout.element.convert(this.scratch.buffer, count, layout.out);
    else {
      const view = new DataView(this.scratch.buffer);
      for (let i = 0; i < count; i++) layout.out.push(layout.element.read(view, i * layout.element.size));
    }
  }

  private countMessage(layout: Layout, held: string): string {
    const count = layout.count;
    return (
      `wrong element count: the header says shape (${layout.shape.join(", ")}) = ${count} elements of ${layout.element.size} bytes ` +
      `(${layout.expectedBytes} bytes), but the file holds ${held} bytes of data`
    );
  }
}

/** Reads a whole .npy file at once; see NpyDecoder for what is refused. */
export function decodeNpy(bytes: Uint8Array, maxElements: number): DecodeResult {
  const decoder = new NpyDecoder(maxElements);
  decoder.write(bytes);
  return decoder.end();
}
