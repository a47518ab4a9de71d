// Reading files as they stream in: every file of the codec's table gives the
// same answer split at every byte offset and fed a byte at a time; nesting
// past the rank cap, a body past the element cap and a .npy header over the
// cap are refused at once (the rest never read, the body cancelled); numbers
// read exactly as JSON.parse reads them; stored tensors copy in and out.
import { describe, expect, it } from "vitest";
import {
  BLOCK_VALUES,
  decodeTensorFile,
  float64Bytes,
  FloatSink,
  fromFloat64Bytes,
  fromFloat64Chunks,
  readTensorStream,
  TensorFileDecoder,
  type DecodeResult,
} from "@/lib/labs/tensor-file";
import { dict, JSON_ACCEPTED, JSON_MAX, JSON_REFUSED, NPY_ACCEPTED, NPY_MAX, NPY_REFUSED, npyBytes, typed } from "./cases";

const encode = (text: string) => new TextEncoder().encode(text);

/** Reads `pieces` in order through one decoder, as a stream would deliver them. */
function decodePieces(pieces: Uint8Array[], maxElements: number): DecodeResult {
  const decoder = new TensorFileDecoder(maxElements);
  for (const piece of pieces) decoder.write(piece);
  const { format: _format, ...result } = decoder.end();
  return result;
}

const files = [
  ...[...JSON_ACCEPTED, ...JSON_REFUSED].map((c) => ({ name: `JSON: ${c.name}`, bytes: encode(c.file), max: JSON_MAX })),
  ...[...NPY_ACCEPTED, ...NPY_REFUSED].map((c) => ({ name: `.npy: ${c.name}`, bytes: c.file, max: NPY_MAX })),
];

describe("chunk boundaries", () => {
  for (const file of files) {
    it(`${file.name}: the same answer split at every offset and byte by byte`, () => {
      const whole = decodePieces([file.bytes], file.max);
      for (let at = 0; at <= file.bytes.length; at++) {
        const split = decodePieces([file.bytes.subarray(0, at), file.bytes.subarray(at)], file.max);
        if (JSON.stringify(split) !== JSON.stringify(whole)) expect({ at, split }).toEqual({ at, split: whole });
      }
      const bytewise = decodePieces(
        Array.from(file.bytes, (b) => Uint8Array.of(b)),
        file.max,
      );
      expect(bytewise).toEqual(whole);
    });
  }

  it("a float32 .npy split inside its elements", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i - 500) / 7);
    const bytes = npyBytes(dict("<f4", "(10, 100)"), typed("f4", values));
    const pieces = [];
    for (let at = 0; at < bytes.length; at += 7) pieces.push(bytes.subarray(at, at + 7));
    const result = decodePieces(pieces, NPY_MAX);
    expect(result).toMatchObject({ ok: true, tensor: { shape: [10, 100] } });
    if (result.ok) expect(Array.from(result.tensor.data)).toEqual(values.map(Math.fround));
  });
});

describe("nesting never recurses", () => {
  const deep = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`;
  const cases = [
    { name: "arrays 20,000 deep", text: deep(20_000), message: "too many nested levels (at most 8 axes)" },
    { name: "data 20,000 deep", text: `{"shape": [1], "data": ${deep(20_000)}}`, message: 'too many nested levels in "data" (at most 8 axes)' },
    { name: "objects 20,000 deep", text: `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`, message: "too many nested levels (at most 9)" },
    { name: "1,000,000 open brackets", text: "[".repeat(1_000_000), message: "too many nested levels (at most 8 axes)" },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, () => {
      expect(decodeTensorFile(encode(c.text), JSON_MAX)).toEqual({ ok: false, message: c.message, format: "json" });
    });
  }
});

describe("early refusal", () => {
  /** Feeds `chunk` until the decoder refuses; returns the message and the bytes it took. */
  function feedUntilRefused(first: Uint8Array, chunk: Uint8Array, maxElements: number, limit = 1000): { message: string | null; bytes: number } {
    const decoder = new TensorFileDecoder(maxElements);
    let bytes = first.length;
    let message = decoder.write(first);
    for (let i = 0; i < limit && !message; i++) {
      bytes += chunk.length;
      message = decoder.write(chunk);
    }
    return { message, bytes };
  }

  it("stops nested JSON at the first row past the element cap", () => {
    const row = encode(`[${Array(100).fill("0.5").join(",")}],`);
    const { message, bytes } = feedUntilRefused(encode("["), row, 1000);
    expect(message).toBe("too many elements: at least 1,100 (a lab output holds at most 1,000)");
    expect(bytes).toBe(1 + 11 * row.length);
  });

  it("stops flat JSON at the value past the cap, long before the body ends", () => {
    const { message, bytes } = feedUntilRefused(encode("["), encode("0,".repeat(1000)), 10_000);
    expect(message).toBe("too many elements: at least 10,001 (a lab output holds at most 10,000)");
    expect(bytes).toBeLessThanOrEqual(1 + 11 * 2000);
  });

  it("stops {shape, data} at its shape when the shape is over the cap", () => {
    const { message, bytes } = feedUntilRefused(encode('{"shape": [100001], "data": ['), encode("0,".repeat(1000)), 100_000);
    expect(message).toContain("too many elements: 100,001");
    expect(bytes).toBe(29);
  });

  it("stops a long string entry after a few dozen bytes", () => {
    const { message, bytes } = feedUntilRefused(encode('["'), encode("y".repeat(16)), 10);
    expect(message).toBe(`the entry at [0] is "${"y".repeat(40)}…": use a number or "NaN", "Infinity", "-Infinity"`);
    expect(bytes).toBeLessThan(100);
  });

  it("stops a .npy at its header, before any data", () => {
    const header = npyBytes(dict("<f8", "(1001,)"), new Uint8Array());
    const { message, bytes } = feedUntilRefused(header, new Uint8Array(8), NPY_MAX);
    expect(message).toContain("too many elements: 1,001");
    expect(bytes).toBe(header.length);
  });

  it("stops a .npy at the first data byte past the declared size", () => {
    const header = npyBytes(dict("<f8", "(2,)"), new Uint8Array());
    const { message, bytes } = feedUntilRefused(header, new Uint8Array(5), NPY_MAX);
    expect(message).toContain("(16 bytes), but the file holds more than 16 bytes of data");
    expect(bytes).toBe(header.length + 20);
  });

  it("refuses a .npy header longer than 64 KiB from its length field", () => {
    const preamble = Uint8Array.of(0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0, 0, 0, 0x10, 0);
    const { message, bytes } = feedUntilRefused(preamble, new Uint8Array(1024), NPY_MAX);
    expect(message).toBe("the .npy header is 1,048,576 bytes long (at most 65,536): save the array with np.save");
    expect(bytes).toBe(12);
  });
});

/** A body served by `next(i)` (null ends it), counting what was pulled and whether it was cancelled. */
function countedStream(next: (i: number) => Uint8Array | null) {
  const state = { pulled: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = next(i++);
      if (!chunk) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe("readTensorStream", () => {
  const MiB = 1 << 20;

  it("reads a valid body in pieces and reports its size", async () => {
    const bytes = encode(JSON.stringify({ shape: [3, 2], data: [1, 2, 3, 4, 5, "NaN"] }));
    const { stream, state } = countedStream((i) => (i * 5 < bytes.length ? bytes.subarray(i * 5, i * 5 + 5) : null));
    const result = await readTensorStream(stream, { maxElements: 10, maxBytes: 1000 });
    expect(result).toMatchObject({ ok: true, format: "json", bytesRead: bytes.length, shape: [3, 2] });
    if (result.ok) expect(result.values.take()).toEqual(Float64Array.of(1, 2, 3, 4, 5, Number.NaN));
    expect(state.cancelled).toBe(false);
  });

  it("cancels the body at the first refusal and reads no further", async () => {
    const zeros = encode("0,".repeat(MiB / 2));
    const { stream, state } = countedStream((i) => (i === 0 ? encode("[") : i < 64 ? zeros : null));
    const result = await readTensorStream(stream, { maxElements: 1 << 20, maxBytes: 64 * MiB });
    expect(result).toMatchObject({ ok: false, reason: "invalid", message: expect.stringContaining("too many elements") });
    expect(state.cancelled).toBe(true);
    // 1,048,577 values of "0," end in the third 1 MiB chunk; the stream may have fetched one more ahead.
    expect(state.pulled).toBeLessThanOrEqual(1 + 4 * MiB);
  });

  it("cancels a body that passes the byte cap", async () => {
    const { stream, state } = countedStream((i) => encode(i === 0 ? "[" : "1,2,3,4,"));
    const result = await readTensorStream(stream, { maxElements: 1 << 20, maxBytes: 100 });
    expect(result).toMatchObject({ ok: false, reason: "too-large", bytesRead: 105 });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(113);
  });

  it("cancels a body that does not arrive in time", async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encode("[1, 2,"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await readTensorStream(stalled, { maxElements: 10, maxBytes: 100, timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, reason: "too-slow", message: "the upload did not arrive within 0.1 s", bytesRead: 6 });
    expect(cancelled).toBe(true);
  });

  it("gives other work a turn between slices of one large chunk", async () => {
    const bytes = encode(`[${"0.25,".repeat(200_000)}1]`);
    let turns = 0;
    const { stream } = countedStream((i) => (i === 0 ? bytes : null));
    const result = await readTensorStream(stream, { maxElements: 1 << 20, maxBytes: 2 * MiB, budgetMs: 0, yieldToLoop: async () => void turns++ });
    expect(result).toMatchObject({ ok: true, shape: [200_001] });
    expect(turns).toBe(Math.ceil(bytes.length / (16 * 1024)));
  });

  it("reads a missing body as an empty file", async () => {
    expect(await readTensorStream(null, { maxElements: 10, maxBytes: 10 })).toMatchObject({ ok: false, message: expect.stringContaining("the file is empty") });
  });
});

describe("numbers read as JSON.parse reads them", () => {
  it("agrees on 20,000 seeded doubles written every way JavaScript and NumPy write them", () => {
    let state = 12345;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const texts: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const value = (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      texts.push(
        String(value),
        value.toExponential(Math.floor(random() * 17)),
        value.toFixed(Math.floor(random() * 12)),
        value.toPrecision(1 + Math.floor(random() * 20)),
      );
    }
    const text = `[${texts.join(",")}]`;
    const result = decodeTensorFile(encode(text), texts.length);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = JSON.parse(text) as number[];
    const differing = expected.filter((v, i) => !Object.is(v, result.tensor.data[i]));
    expect(differing).toEqual([]);
  });
});

describe("stored tensors", () => {
  it("float64Bytes and fromFloat64Bytes copy exactly, from any byte offset", () => {
    const data = Float64Array.of(0.1, -0, Number.NaN, Infinity, -Infinity, 5e-324, -1.7976931348623157e308);
    const bytes = float64Bytes(data);
    expect(bytes.length).toBe(56);
    expect(new DataView(bytes.buffer).getFloat64(0, true)).toBe(0.1);
    const shifted = new Uint8Array(57);
    shifted.set(bytes, 1);
    const back = fromFloat64Bytes(shifted.subarray(1));
    expect(Array.from(back)).toEqual(Array.from(data));
    expect(Object.is(back[1], -0)).toBe(true);
    bytes[0] = 0;
    expect(data[0]).toBe(0.1);
  });

  it("FloatSink stores values in 64 KiB blocks whose chunks fromFloat64Chunks joins back", () => {
    const sink = new FloatSink(null);
    const data = Float64Array.from({ length: 2 * BLOCK_VALUES + 5 }, (_, i) => i / 3);
    sink.pushAll(data.subarray(0, 100), 100);
    for (const v of data.subarray(100, BLOCK_VALUES + 3)) sink.push(v);
    sink.pushAll(data.subarray(BLOCK_VALUES + 3), data.length - BLOCK_VALUES - 3);
    const chunks = Array.from(sink.chunks());
    expect(chunks.map((c) => c.byteLength)).toEqual([8 * BLOCK_VALUES, 8 * BLOCK_VALUES, 40]);
    expect(sink.byteLength).toBe(data.byteLength);
    expect(fromFloat64Chunks(chunks)).toEqual(data);
    expect(sink.take()).toEqual(data);
    expect(Array.from(new FloatSink(0).chunks())).toEqual([]);
    expect(fromFloat64Chunks([])).toEqual(new Float64Array(0));
  });

  it("FloatSink.release gives its blocks back for the next sink to reuse", () => {
    const first = new FloatSink(null);
    first.push(1.5);
    const [chunk] = Array.from(first.chunks());
    first.release();
    expect(first.length).toBe(0);
    const second = new FloatSink(null);
    second.push(2.5);
    const [reused] = Array.from(second.chunks());
    expect(reused?.buffer).toBe(chunk?.buffer);
    expect(second.take()).toEqual(Float64Array.of(2.5));
    second.release();
  });

  it("refuses stored bytes that are not whole float64s", () => {
    expect(() => fromFloat64Bytes(new Uint8Array(9))).toThrow("not a multiple of 8");
  });
});
