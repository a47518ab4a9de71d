// Grades a block graph against the reference by structure. The learner's
// parts are matched to the reference's parts of the same type (the matching
// that gets the most wires right), so ids, placement order and which add port
// holds the shortcut make no difference. Partial credit per wire; the first
// wrong wire in data-flow order is named in words.
import { share, type DrawingGrade, type DrawingItemResult, type DrawingMisconception } from "./drawing-grade";
import { PART_LABELS, type BlockGraph, type GraphEdge, type ReferenceBlock, type ReferenceNode } from "./assembly-graph";

/** A named mistake: a whole wrong block the answer equals, or a structural test on the learner's graph. */
export type AssemblyMistake = DrawingMisconception & ({ graph: ReferenceBlock } | { test: (graph: BlockGraph) => boolean });

/** Learner id → reference id; learner parts with no counterpart are absent. */
type Matching = Map<string, string>;

/**
 * The type-preserving one-to-one matching of learner parts to reference parts
 * that makes the most reference wires present; ties keep the first found
 * (parts in the learner's order), so the result is deterministic.
 */
export function bestMatching(reference: ReferenceBlock, graph: BlockGraph): Matching {
  let best: { matching: Matching; hits: number; size: number } = { matching: new Map(), hits: -1, size: -1 };
  const assign = (index: number, matching: Matching, used: Set<string>) => {
    const node = graph.nodes[index];
    if (!node) {
      const hits = matchedEdges(reference, graph, matching).length;
      if (hits > best.hits || (hits === best.hits && matching.size > best.size)) best = { matching: new Map(matching), hits, size: matching.size };
      return;
    }
    for (const ref of reference.nodes) {
      if (ref.type !== node.type || used.has(ref.id)) continue;
      matching.set(node.id, ref.id);
      used.add(ref.id);
      assign(index + 1, matching, used);
      used.delete(ref.id);
      matching.delete(node.id);
    }
    assign(index + 1, matching, used);
  };
  assign(0, new Map(), new Set());
  return best.matching;
}

function matchedEdges(reference: ReferenceBlock, graph: BlockGraph, matching: Matching): GraphEdge[] {
  const drawn = new Set(graph.edges.map((e) => `${matching.get(e.from) ?? "?"}->${matching.get(e.to) ?? "?"}`));
  return reference.edges.filter((e) => drawn.has(`${e.from}->${e.to}`));
}

/**
 * Score = reference wires present / (reference wires + extra wires); correct =
 * every reference wire and nothing else. Items: each reference wire in flow
 * order ("missing" when absent), then each extra wire. Feedback names the first
 * wrong wire; `mistakes` name known wrong blocks (checked first) or patterns.
 */
export function gradeAssembly(reference: ReferenceBlock, graph: BlockGraph, mistakes: readonly AssemblyMistake[] = []): DrawingGrade {
  const matching = bestMatching(reference, graph);
  const refById = new Map(reference.nodes.map((n) => [n.id, n]));
  const typeOf = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const named = (learnerId: string): string => {
    const ref = refById.get(matching.get(learnerId) ?? "");
    const type = typeOf.get(learnerId);
    return ref ? ref.name : `an extra ${type ? PART_LABELS[type].toLowerCase() : "part"}`;
  };
  const source = (learnerId: string): string => sourcePhrase(named(learnerId), typeOf.get(learnerId));
  const drawn = new Set(graph.edges.map((e) => `${matching.get(e.from) ?? "?"}->${matching.get(e.to) ?? "?"}`));
  const items: DrawingItemResult[] = reference.edges.map((e) => {
    const ok = drawn.has(`${e.from}->${e.to}`);
    const item: DrawingItemResult = { key: `${e.from}->${e.to}`, label: wireLabel(refById, e), correct: ok };
    if (!ok) item.problem = "missing";
    return item;
  });
  const wanted = new Set(reference.edges.map((e) => `${e.from}->${e.to}`));
  const extras = graph.edges.filter((e) => !wanted.has(`${matching.get(e.from) ?? "?"}->${matching.get(e.to) ?? "?"}`));
  for (const e of extras) {
    items.push({ key: `extra:${e.from}->${e.to}`, label: `${named(e.to)} ← ${source(e.from)}`, correct: false, problem: "extra" });
  }
  const right = items.filter((i) => i.correct).length;
  const correct = right === reference.edges.length && extras.length === 0;
  const misconceptions = correct ? [] : diagnose(graph, mistakes);
  return {
    score: share(right, reference.edges.length + extras.length),
    correct,
    items,
    misconceptions,
    feedback: correct ? "Every connection is right." : firstWrong({ reference, graph, matching, refById, drawn, named, source, extras }),
  };
}

function diagnose(graph: BlockGraph, mistakes: readonly AssemblyMistake[]): DrawingMisconception[] {
  const whole = mistakes.find((m) => "graph" in m && gradeAssembly(m.graph, graph).correct);
  if (whole) return [{ code: whole.code, message: whole.message }];
  return mistakes.filter((m) => "test" in m && m.test(graph)).map((m) => ({ code: m.code, message: m.message }));
}

function wireLabel(refById: Map<string, ReferenceNode>, e: GraphEdge & { role?: string }): string {
  const from = refById.get(e.from);
  const to = refById.get(e.to);
  return `${to?.name ?? e.to} ← ${sourcePhrase(from?.name ?? e.from, from?.type)}${e.role ? ` (${e.role.replace(/^as its /, "")})` : ""}`;
}

/** How a part is named as a source: the block input by its name, anything else by its output. */
function sourcePhrase(name: string, type: string | undefined): string {
  return type === "input" ? name : `${name}'s output`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

type WrongContext = {
  reference: ReferenceBlock;
  graph: BlockGraph;
  matching: Matching;
  refById: Map<string, ReferenceNode>;
  /** Learner wires as "refFrom->refTo" under the matching. */
  drawn: Set<string>;
  named: (learnerId: string) => string;
  source: (learnerId: string) => string;
  extras: GraphEdge[];
};

/** The first reference wire (in flow order) the drawing lacks, in words; else the first extra wire. */
function firstWrong({ reference, graph, matching, refById, drawn, named, source, extras }: WrongContext): string {
  const miss = reference.edges.find((e) => !drawn.has(`${e.from}->${e.to}`));
  if (!miss) {
    const extra = extras[0];
    return extra ? `${capital(named(extra.to))} should not take ${source(extra.from)}.` : "";
  }
  const from = refById.get(miss.from);
  const to = refById.get(miss.to);
  const want = `${sourcePhrase(from?.name ?? miss.from, from?.type)}${miss.role ? ` ${miss.role}` : ""}`;
  const target = [...matching].find(([, ref]) => ref === miss.to)?.[0];
  if (!target) return `The block has no ${to?.name.replace(/^the /, "") ?? miss.to}: it should take ${want}.`;
  const sources = new Set(reference.edges.filter((e) => e.to === miss.to).map((e) => e.from));
  const instead = graph.edges.find((e) => e.to === target && !sources.has(matching.get(e.from) ?? "?"));
  const name = capital(to?.name ?? miss.to);
  return instead ? `${name} should take ${want}, not ${source(instead.from)}.` : `${name} should take ${want}; that wire is missing.`;
}
