import { all, create, type MathJsInstance, type MathNode } from "mathjs";

/** Functions a learner may call; anything else is refused before evaluation. `ln` is rewritten to `log` upstream. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  "sqrt",
  "cbrt",
  "exp",
  "log",
  "log10",
  "log2",
  "abs",
  "pow",
  "sin",
  "cos",
  "tan",
  "tanh",
  "min",
  "max",
]);

/** Named constants a learner may use. */
export const ALLOWED_CONSTANTS: ReadonlySet<string> = new Set(["pi", "e", "tau"]);

/** The functions mathjs's security guide says to disable when users supply expressions. */
const DISABLED_FUNCTIONS = [
  "import",
  "createUnit",
  "reviver",
  "evaluate",
  "parse",
  "compile",
  "simplify",
  "simplifyConstant",
  "simplifyCore",
  "derivative",
  "resolve",
  "rationalize",
] as const;

/** The hardened answer instance: a private parser plus the instance whose namespace expressions run in. */
export type AnswerMath = {
  /** mathjs's parser, captured before `parse` was disabled in the namespace. */
  parse: (text: string) => MathNode;
  math: MathJsInstance;
};

let instance: AnswerMath | undefined;

function build(): AnswerMath {
  if (all === undefined) throw new Error("mathjs did not export its `all` factories");
  const math = create(all, { number: "number", predictable: true });
  const parse = math.parse;
  const disabled = Object.fromEntries(
    DISABLED_FUNCTIONS.map((name) => [
      name,
      () => {
        throw new Error(`Function ${name} is disabled`);
      },
    ]),
  );
  math.import(disabled, { override: true });
  return { parse, math };
}

/**
 * The one hardened mathjs instance for answers, built on first use (≈50 ms) and reused for the
 * life of the process. Numbers are IEEE doubles; `predictable` makes `sqrt(-1)` NaN rather than a
 * complex number. Byte units come from mathjs: `B`/`byte`/`bytes`, `b`/`bit`/`bits`, with SI
 * (`kB`, `MB`, `GB`) and binary (`KiB`, `MiB`, `GiB`) prefixes.
 */
export function answerMath(): AnswerMath {
  instance ??= build();
  return instance;
}
