import type { MathNode, Unit } from "mathjs";
import { quoteInput } from "../errors/quote-input";
import type { ParseFailure, TypedUnit } from "./answer-spec";
import { answerMath } from "./math-instance";

/** One element's value: in the canonical unit when there is one, with the unit the learner typed. */
export type ElementValue = { ok: true; value: number; typed?: TypedUnit; bareNumber: boolean } | ParseFailure;

function finite(value: number): ElementValue | undefined {
  if (Number.isNaN(value)) {
    return { ok: false, code: "not-real", message: "That works out to no real number (e.g. the square root of a negative)." };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, code: "not-finite", message: "That number is too large to grade." };
  }
  return undefined;
}

function unitSymbols(node: MathNode): string[] {
  const { math } = answerMath();
  const names = node.filter((n) => math.isSymbolNode(n) && math.Unit.isValuelessUnit(n.name)).map((n) => (math.isSymbolNode(n) ? n.name : ""));
  return [...new Set(names)];
}

function typedUnit(unit: Unit, node: MathNode): TypedUnit {
  const [only, ...others] = unitSymbols(node);
  const name = only !== undefined && others.length === 0 ? only : unit.formatUnits();
  try {
    return { unit: name, value: unit.toNumber(name) };
  } catch {
    return { unit: unit.formatUnits(), value: unit.toNumber(unit.formatUnits()) };
  }
}

function fromUnit(unit: Unit, node: MathNode, canonical: string | undefined): ElementValue {
  const { math } = answerMath();
  if (unit.value === null) {
    return { ok: false, code: "missing-number", message: `Put a number before ${quoteInput(unit.formatUnits())}.` };
  }
  if (unit.dimensions.every((d) => d === 0)) {
    return finite(unit.value) ?? { ok: true, value: unit.value, bareNumber: true };
  }
  if (canonical === undefined) {
    return {
      ok: false,
      code: "unexpected-unit",
      message: `This answer is a plain number; remove the unit ${quoteInput(unit.formatUnits())}.`,
    };
  }
  if (!unit.equalBase(math.unit(canonical))) {
    return {
      ok: false,
      code: "wrong-dimension",
      message: `${quoteInput(unit.formatUnits())} cannot be converted to ${canonical}.`,
    };
  }
  const value = unit.toNumber(canonical);
  return finite(value) ?? { ok: true, value, typed: typedUnit(unit, node), bareNumber: false };
}

/**
 * Evaluates one validated element expression in the hardened instance and expresses it in
 * `canonical` (a mathjs unit name such as "bytes"). A bare number is taken to be in `canonical`
 * already; a unit on a unitless answer, a unit of another dimension, NaN, ±Infinity and complex
 * results are refusals with a message. bits and bytes share a dimension, so `8 bits` is 1 byte.
 * Precondition: `node` passed {@link validateTree}, so evaluation only does arithmetic.
 */
export function evaluateElement(node: MathNode, canonical: string | undefined): ElementValue {
  const { math } = answerMath();
  let result: unknown;
  try {
    result = node.evaluate();
  } catch {
    return {
      ok: false,
      code: "cannot-evaluate",
      message: "Could not work that out. Check function arguments, and add or subtract only like quantities (2 MB + 3 KiB, not 2 MB + 3).",
    };
  }
  if (typeof result === "number") return finite(result) ?? { ok: true, value: result, bareNumber: true };
  if (math.isUnit(result)) return fromUnit(result, node, canonical);
  if (math.isComplex(result)) return { ok: false, code: "not-real", message: "That works out to a complex number." };
  return { ok: false, code: "not-a-number", message: "That does not work out to a number." };
}
