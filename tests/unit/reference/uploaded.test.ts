// Weights uploaded once per array and backend: reused while both stay the same,
// replaced (the old tensor disposed) when the backend changes.
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { useReferenceBackend } from "@/lib/reference/backend";
import { uploadedColumns, uploadedTensor } from "@/lib/reference/tfjs/uploaded";
import { referenceBackendsUnderTest } from "./fixtures";

const backends = referenceBackendsUnderTest();

describe("uploadedTensor", () => {
  it("returns the same tensor for the same array on the same backend, a new one for another array", () => {
    const data = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const first = uploadedTensor(data, [2, 3]);
    expect(uploadedTensor(data, [2, 3])).toBe(first);
    expect(uploadedTensor(Float32Array.from(data), [2, 3])).not.toBe(first);
    expect(Array.from(first.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("survives a tidy scope and holds float64 data as float32", () => {
    const data = Float64Array.from([0.1, 0.2]);
    let inside: tf.Tensor = tf.scalar(0);
    tf.tidy(() => {
      inside = uploadedTensor(data, [2]);
    });
    expect(inside.isDisposed).toBe(false);
    expect(inside.dtype).toBe("float32");
    expect(Array.from(inside.dataSync())).toEqual(Array.from(Float32Array.from(data)));
  });

  it("replaces the tensor on a change of backend and disposes the old one", async () => {
    if (backends.available.length < 2) return;
    const data = Float32Array.from([7, 8]);
    await useReferenceBackend(backends.available[0] ?? "cpu");
    const first = uploadedTensor(data, [2]);
    await useReferenceBackend(backends.available[1] ?? "cpu");
    const second = uploadedTensor(data, [2]);
    expect(second).not.toBe(first);
    expect(first.isDisposed).toBe(true);
    expect(Array.from(second.dataSync())).toEqual([7, 8]);
  });

  it("puts matrices side by side once, and makes a new tensor when a later part changes", () => {
    const a = { data: Float32Array.from([1, 2, 3, 4]), cols: 2 };
    const b = { data: Float32Array.from([5, 6]), cols: 1 };
    const joined = uploadedColumns([a, b], 2);
    expect(joined.shape).toEqual([2, 3]);
    expect(Array.from(joined.dataSync())).toEqual([1, 2, 5, 3, 4, 6]);
    expect(uploadedColumns([a, b], 2)).toBe(joined);
    const other = uploadedColumns([a, { data: Float32Array.from([7, 8]), cols: 1 }], 2);
    expect(Array.from(other.dataSync())).toEqual([1, 2, 7, 3, 4, 8]);
    expect(joined.isDisposed).toBe(true);
  });

  it("rejects a part whose size is not rows × cols", () => {
    expect(() =>
      uploadedColumns(
        [
          { data: new Float32Array(4), cols: 2 },
          { data: new Float32Array(3), cols: 1 },
        ],
        2,
      ),
    ).toThrow(/not \[2, 1\]/);
  });
});
