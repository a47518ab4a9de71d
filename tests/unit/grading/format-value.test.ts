import { describe, expect, it } from "vitest";
import { parseAnswer } from "@/lib/answers";
import { formatStepValue } from "@/lib/grading";

const cases = [
  { name: "integer", value: 3, text: "3" },
  { name: "negative zero", value: -0, text: "0" },
  { name: "large integer, exactly", value: 1073741824, text: "1073741824" },
  { name: "rounded scalar", value: 1.224744871391589, text: "1.22474" },
  { name: "vector", value: [0.6324555320336759, -1], text: "[0.632456, -1]" },
  {
    name: "matrix",
    value: [
      [1, 0],
      [0.5, 0.5],
    ],
    text: "[[1, 0], [0.5, 0.5]]",
  },
];

describe("formatStepValue", () => {
  it.each(cases)("$name", ({ value, text }) => {
    expect(formatStepValue(value)).toBe(text);
  });

  it("writes text parseAnswer reads back", () => {
    const parsed = parseAnswer(
      formatStepValue([
        [1, 2e-7],
        [3, 4],
      ]),
      { shape: { matrix: [2, 2] } },
    );
    expect(parsed).toMatchObject({
      ok: true,
      kind: "matrix",
      values: [
        [1, 2e-7],
        [3, 4],
      ],
    });
  });
});
