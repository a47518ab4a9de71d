import {
  isAccessorNode,
  isArrayNode,
  isAssignmentNode,
  isConstantNode,
  isFunctionAssignmentNode,
  isFunctionNode,
  isIndexNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from "mathjs";
import { quoteInput } from "../errors/quote-input";
import type { ParseFailure } from "./answer-spec";
import { ALLOWED_CONSTANTS, ALLOWED_FUNCTIONS, answerMath } from "./math-instance";

/** Operators a learner may use, by mathjs OperatorNode `fn` name (`25%` parses as a division). */
const ALLOWED_OPERATORS: ReadonlySet<string> = new Set(["add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "pow", "to"]);

const MAX_DEPTH = 40;

/** The element expressions of an answer, laid out in the shape the learner typed. */
export type AnswerTree = { kind: "scalar"; node: MathNode } | { kind: "vector"; nodes: MathNode[] } | { kind: "matrix"; rows: MathNode[][] };

type Checked<T> = { ok: true; value: T } | ParseFailure;

const disallowed = (what: string): ParseFailure => ({
  ok: false,
  code: "disallowed",
  message: `${what} is not allowed in an answer. Use numbers, units, + - * / ^ and functions like sqrt, exp, log.`,
});

function checkScalar(node: MathNode, depth: number): ParseFailure | undefined {
  if (depth > MAX_DEPTH) return disallowed("Nesting this deep");
  if (isConstantNode(node)) return typeof node.value === "number" ? undefined : disallowed("Text");
  if (isParenthesisNode(node)) return checkScalar(node.content, depth + 1);
  if (isOperatorNode(node)) {
    if (!ALLOWED_OPERATORS.has(node.fn)) return disallowed(`The operator ${quoteInput(node.op)}`);
    return checkAll(node.args, depth);
  }
  if (isFunctionNode(node)) {
    const name = isSymbolNode(node.fn) ? node.fn.name : undefined;
    if (name === undefined || !ALLOWED_FUNCTIONS.has(name)) return disallowed(`The function ${quoteInput(name ?? "?")}`);
    return checkAll(node.args, depth);
  }
  if (isSymbolNode(node)) {
    if (ALLOWED_CONSTANTS.has(node.name) || answerMath().math.Unit.isValuelessUnit(node.name)) return undefined;
    return {
      ok: false,
      code: "unknown-symbol",
      message: `${quoteInput(node.name)} is not a number, constant or unit this grader knows.`,
    };
  }
  if (isArrayNode(node)) return disallowed("A list inside an expression");
  if (isAssignmentNode(node) || isFunctionAssignmentNode(node)) return disallowed("Assignment");
  if (isAccessorNode(node) || isIndexNode(node)) return disallowed("Property access or indexing");
  return disallowed(`A ${node.type.replace(/Node$/, "").toLowerCase()} expression`);
}

function checkAll(nodes: readonly MathNode[], depth: number): ParseFailure | undefined {
  for (const child of nodes) {
    const failure = checkScalar(child, depth + 1);
    if (failure) return failure;
  }
  return undefined;
}

function checkElements(nodes: readonly MathNode[], label: string): ParseFailure | undefined {
  for (const [i, node] of nodes.entries()) {
    const failure = checkScalar(node, 1);
    if (failure) return { ...failure, message: `${label}${i + 1}: ${failure.message}` };
  }
  return undefined;
}

const itemsOf = (node: MathNode): MathNode[] => (isArrayNode(node) ? node.items : []);

/**
 * Checks a parsed answer against the node-type allow-list and splits it into element expressions.
 * Lists are allowed only at the top (a vector) or one level down (matrix rows); each element must
 * be built from numbers, allowed constants, units, arithmetic operators and allowed functions.
 * Everything else — assignment, property access, indexing, strings, objects, ranges, conditionals,
 * unknown functions — is refused, so nothing outside that arithmetic can ever be evaluated.
 */
export function validateTree(root: MathNode): Checked<AnswerTree> {
  if (!isArrayNode(root)) {
    const failure = checkScalar(root, 0);
    return failure ?? { ok: true, value: { kind: "scalar", node: root } };
  }
  const items = itemsOf(root);
  if (items.length === 0) return { ok: false, code: "empty", message: "The list is empty; type its values." };
  if (items.every(isArrayNode)) {
    const rows = items.map(itemsOf);
    for (const [r, row] of rows.entries()) {
      const failure = checkElements(row, `Row ${r + 1}, element `);
      if (failure) return failure;
    }
    return { ok: true, value: { kind: "matrix", rows } };
  }
  return checkElements(items, "Element ") ?? { ok: true, value: { kind: "vector", nodes: items } };
}
