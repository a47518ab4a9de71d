// A block diagram as a graph: typed parts (nodes) and "feeds into" wires
// (edges, from a part's output to another part's input). The learner's ids
// are arbitrary; only types and wiring carry meaning, so any drawing with the
// same structure grades the same.
import { quoteInput } from "../errors/quote-input";

export const PART_TYPES = ["input", "norm", "attention", "ffn", "add", "output"] as const;
export type PartType = (typeof PART_TYPES)[number];

/** How many inputs a part takes: adds sum two streams, the block input takes none. */
export const INPUT_PORTS: Record<PartType, number> = { input: 0, norm: 1, attention: 1, ffn: 1, add: 2, output: 1 };

export const PART_LABELS: Record<PartType, string> = {
  input: "Input x",
  norm: "Norm",
  attention: "Attention",
  ffn: "FFN",
  add: "Add",
  output: "Output",
};

/** Most parts of one type a drawing may hold; bounds the matching search. */
export const MAX_PARTS_PER_TYPE = 4;

export type GraphNode = { id: string; type: PartType };
export type GraphEdge = { from: string; to: string };
export type BlockGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

/** A reference part: a stable id, its type, and how the learner is told about it ("the first add"). */
export type ReferenceNode = GraphNode & { name: string };
/** A reference wire; `role` finishes "the first add should take x …", e.g. "as its shortcut". */
export type ReferenceEdge = GraphEdge & { role?: string };
/** The right wiring, edges listed in the order data flows (the first miss is the one named). */
export type ReferenceBlock = { nodes: ReferenceNode[]; edges: ReferenceEdge[] };

/**
 * Why a submitted graph cannot be graded, or null: ids must be unique, wires
 * must join existing parts, there is exactly one input and one output, no
 * part feeds itself or the input, the output feeds nothing, no wire twice,
 * no part gets more inputs than its ports, at most MAX_PARTS_PER_TYPE a type.
 */
export function graphIssue(graph: BlockGraph): string | null {
  const types = new Map<string, PartType>();
  for (const node of graph.nodes) {
    if (types.has(node.id)) return `Part id ${quoteInput(node.id)} is used twice`;
    types.set(node.id, node.type);
  }
  for (const type of PART_TYPES) {
    const count = graph.nodes.filter((n) => n.type === type).length;
    if ((type === "input" || type === "output") && count !== 1) return `The block needs exactly one ${PART_LABELS[type]}, not ${count}`;
    if (count > MAX_PARTS_PER_TYPE) return `At most ${MAX_PARTS_PER_TYPE} parts of type ${PART_LABELS[type]}`;
  }
  const seen = new Set<string>();
  const inputs = new Map<string, number>();
  for (const edge of graph.edges) {
    const from = types.get(edge.from);
    const to = types.get(edge.to);
    if (!from || !to) return `Wire ${edge.from} → ${edge.to} joins a part that is not in the drawing`;
    if (edge.from === edge.to) return `Part ${quoteInput(edge.from)} cannot feed itself`;
    if (to === "input" || from === "output") return "Nothing feeds the block input, and the output feeds nothing";
    const key = `${edge.from}->${edge.to}`;
    if (seen.has(key)) return `Wire ${edge.from} → ${edge.to} is drawn twice`;
    seen.add(key);
    const count = (inputs.get(edge.to) ?? 0) + 1;
    if (count > INPUT_PORTS[to]) return `${PART_LABELS[to]} ${quoteInput(edge.to)} takes at most ${INPUT_PORTS[to]} input${INPUT_PORTS[to] === 1 ? "" : "s"}`;
    inputs.set(edge.to, count);
  }
  return null;
}
