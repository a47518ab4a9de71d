// What a mistake family is: one wrong way of computing, named once for the
// whole course. Exercises and labs say which families can occur in them and
// compute the family's wrong answer on the learner's own numbers; the grader
// names the family whose answer the learner's matches.

/** One mistake family. `code` is stored with attempts and never shown; `title` and `message` are. */
export type MistakeFamily = {
  /** Stable kebab-case id, e.g. "sample-variance". */
  code: string;
  /** A short name in plain words, e.g. "Sample variance (divided by n − 1)". */
  title: string;
  /** How the family changes the computation, for authors: what is replaced by what. */
  changes: string;
  /** What the learner reads when their answer matches: the mistake and its fix, in plain words. */
  message: string;
};

/** A table of families keyed by code, checked for duplicate codes as it is built. */
export function familyTable(families: readonly MistakeFamily[]): ReadonlyMap<string, MistakeFamily> {
  const table = new Map<string, MistakeFamily>();
  for (const family of families) {
    if (table.has(family.code)) throw new Error(`mistake family ${family.code} is defined twice`);
    table.set(family.code, family);
  }
  return table;
}
