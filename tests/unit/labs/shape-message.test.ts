import { describe, expect, it } from "vitest";
import { shapeMessage } from "@/lib/labs/shape-message";

describe("shapeMessage", () => {
  const cases: { name: string; expected: number[]; actual: number[]; axes: string[]; hint?: string; message: string }[] = [
    {
      name: "transposed",
      expected: [128, 512],
      actual: [512, 128],
      axes: ["seq", "d_model"],
      message: "Got [512, 128], expected [128, 512] (seq, d_model): transposed? Axes are in reverse order; submit row-major with the first axis first.",
    },
    {
      name: "flattened",
      expected: [4, 8],
      actual: [32],
      axes: ["seq", "d_model"],
      message: "Got [32], expected [4, 8] (seq, d_model): flattened? Same number of elements; submit it with its axes.",
    },
    {
      name: "reshaped",
      expected: [4, 8],
      actual: [2, 16],
      axes: ["seq", "d_model"],
      message: "Got [2, 16], expected [4, 8] (seq, d_model): same number of elements in a different layout: check the axis order or a reshape.",
    },
    {
      name: "one row short",
      expected: [64, 128],
      actual: [63, 128],
      axes: ["seq", "d_model"],
      message: "Got [63, 128], expected [64, 128] (seq, d_model): axis 0 (seq) has 63, expected 64. Off by one?",
    },
    {
      name: "a fraction of an axis",
      expected: [64, 128],
      actual: [64, 16],
      axes: ["seq", "d_model"],
      message: "Got [64, 16], expected [64, 128] (seq, d_model): axis 1 (d_model) has 16, expected 128. That is 1/8 of it.",
    },
    {
      name: "one row only",
      expected: [64, 128],
      actual: [128],
      axes: ["seq", "d_model"],
      message: "Got [128], expected [64, 128] (seq, d_model): the first axis (seq) is missing: one row instead of all of them?",
    },
    {
      name: "empty",
      expected: [64, 128],
      actual: [0, 128],
      axes: ["seq", "d_model"],
      message: "Got [0, 128], expected [64, 128] (seq, d_model): the submission is empty.",
    },
    {
      name: "a scalar is not empty",
      expected: [64, 128],
      actual: [],
      axes: ["seq", "d_model"],
      message: "Got [], expected [64, 128] (seq, d_model): a single number (rank 0): submit the whole array, not a reduction of it.",
    },
    {
      name: "rank",
      expected: [64, 128],
      actual: [2, 3, 5],
      axes: ["seq", "d_model"],
      message: "Got [2, 3, 5], expected [64, 128] (seq, d_model): rank 3 instead of 2.",
    },
    {
      name: "a lab hint comes first",
      expected: [64, 128],
      actual: [64, 16],
      axes: ["seq", "d_model"],
      hint: "one head's output?",
      message: "Got [64, 16], expected [64, 128] (seq, d_model): one head's output?",
    },
  ];
  it.each(cases)("$name", ({ expected, actual, axes, hint, message }) => {
    expect(shapeMessage(expected, actual, axes, hint ?? null)).toBe(message);
  });
});
