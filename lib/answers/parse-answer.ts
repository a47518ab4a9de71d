import type { MathNode } from "mathjs";
import type { AnswerShape, AnswerSpec, ParseFailure, ParsedAnswer, TypedUnit } from "./answer-spec";
import { evaluateElement } from "./evaluate-element";
import { answerMath } from "./math-instance";
import { normaliseInput } from "./normalise-input";
import { validateTree } from "./validate-tree";

type Values = { values: number[]; typed?: TypedUnit; bareNumber: boolean } | ParseFailure;

function evaluateAll(nodes: readonly MathNode[], canonical: string | undefined, label?: string): Values {
  const values: number[] = [];
  let typed: TypedUnit | undefined;
  let bareNumber = false;
  for (const node of nodes) {
    const element = evaluateElement(node, canonical);
    if (!element.ok) return label === undefined ? element : { ...element, message: `${label}${values.length + 1}: ${element.message}` };
    values.push(element.value);
    typed ??= element.typed;
    bareNumber ||= element.bareNumber;
  }
  return { values, typed, bareNumber };
}

function parseTree(text: string, shape: AnswerShape): { ok: true; node: MathNode } | ParseFailure {
  try {
    return { ok: true, node: answerMath().parse(text) };
  } catch (error) {
    // mathjs's own message speaks of parser internals ("End of matrix ] expected (char 7)"); the learner gets the format instead.
    const problem = error instanceof RangeError ? "It is nested too deeply. " : unbalanced(text) ? "The brackets do not pair up. " : "";
    return { ok: false, code: "syntax", message: `${problem}${formatAdvice(shape)}` };
  }
}

const unbalanced = (text: string): boolean => count(text, "(") !== count(text, ")") || count(text, "[") !== count(text, "]");
const count = (text: string, ch: string): number => text.split(ch).length - 1;

const SAMPLE = ["0.5", "-1.2", "2", "0.25", "3"];

/** An example list of `n` numbers, elided past five. */
const sampleList = (n: number): string => (n <= SAMPLE.length ? SAMPLE.slice(0, n).join(", ") : `${SAMPLE.slice(0, 3).join(", ")}, …`);

/** What the answer box expects, with an example of the format. */
export function formatAdvice(shape: AnswerShape): string {
  if (shape === "scalar") return "Write one number or expression, e.g. 1.5, -0.25, 1/3, sqrt(10) or 15.6 MiB.";
  if ("vector" in shape) {
    return `Write ${shape.vector} numbers separated by commas or spaces, e.g. [${sampleList(shape.vector)}] or ${sampleList(shape.vector).replace(/,/g, "")}.`;
  }
  const [rows, cols] = shape.matrix;
  const row = sampleList(cols);
  const example = Array.from({ length: Math.min(rows, 3) }, () => row).join("; ");
  return `Write ${rows} rows of ${cols} numbers, rows separated by ; or a new line, e.g. [${example}${rows > 3 ? "; …" : ""}].`;
}

/**
 * Reads a learner's typed answer as the exercise expects it. Never throws for any input text and
 * never runs anything but arithmetic: the text is length-capped, slips are normalised (see
 * {@link normaliseInput}), the mathjs tree must pass the node allow-list, and each element is
 * evaluated in the hardened instance and converted to `expected.unit`. The result keeps the shape
 * the learner typed (shape mismatches are for {@link compareAnswer} to explain) and, for a scalar
 * with a unit, the value as typed so MB/MiB mix-ups stay detectable. A failure costs no attempt.
 * Precondition: `expected.unit`, when given, is a mathjs unit name (validated with the exercise).
 */
export function parseAnswer(text: string, expected: AnswerSpec): ParsedAnswer {
  const input = normaliseInput(text, expected.shape);
  if (!input.ok) return input;
  const parsed = parseTree(input.text, expected.shape);
  if (!parsed.ok) return parsed;
  const tree = validateTree(parsed.node);
  if (!tree.ok) return tree;

  const notes = [...input.notes];
  const unitNote = (bare: boolean) => {
    if (bare && expected.unit !== undefined) notes.push(`Read the number as ${expected.unit}.`);
  };

  if (tree.value.kind === "scalar") {
    const element = evaluateAll([tree.value.node], expected.unit);
    if ("ok" in element) return element;
    unitNote(element.bareNumber);
    const [value = Number.NaN] = element.values;
    return { ok: true, kind: "scalar", value, ...(element.typed ? { unit: element.typed } : {}), notes };
  }
  if (tree.value.kind === "vector") {
    const vector = evaluateAll(tree.value.nodes, expected.unit, "Element ");
    if ("ok" in vector) return vector;
    unitNote(vector.bareNumber);
    return { ok: true, kind: "vector", values: vector.values, notes };
  }
  const rows: number[][] = [];
  let bare = false;
  for (const [r, row] of tree.value.rows.entries()) {
    const values = evaluateAll(row, expected.unit, `Row ${r + 1}, element `);
    if ("ok" in values) return values;
    rows.push(values.values);
    bare ||= values.bareNumber;
  }
  unitNote(bare);
  return { ok: true, kind: "matrix", values: rows, notes };
}
