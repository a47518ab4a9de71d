// The two block layouts as reference graphs, shared by the assembly prompts
// (each is the other's classic wrong answer). Edges are listed in the order
// data flows, so the first missing one is the first mistake along the stream.
import type { BlockGraph, ReferenceBlock, ReferenceNode } from "../../lib/drawing/assembly-graph";

const node = (id: string, type: ReferenceNode["type"], name: string): ReferenceNode => ({ id, type, name });

/** Norm on each branch, before its sublayer; the shortcuts carry the raw stream. */
export const PRENORM_BLOCK: ReferenceBlock = {
  nodes: [
    node("x", "input", "the block input x"),
    node("norm1", "norm", "the first norm"),
    node("attn", "attention", "attention"),
    node("add1", "add", "the first add"),
    node("norm2", "norm", "the second norm"),
    node("ffn", "ffn", "the FFN"),
    node("add2", "add", "the second add"),
    node("out", "output", "the block output"),
  ],
  edges: [
    { from: "x", to: "norm1" },
    { from: "norm1", to: "attn" },
    { from: "attn", to: "add1", role: "as its branch" },
    { from: "x", to: "add1", role: "as its shortcut" },
    { from: "add1", to: "norm2" },
    { from: "norm2", to: "ffn" },
    { from: "ffn", to: "add2", role: "as its branch" },
    { from: "add1", to: "add2", role: "as its shortcut" },
    { from: "add2", to: "out" },
  ],
};

/** Norm on the stream, after each add; the second shortcut starts after the first norm. */
export const POSTNORM_BLOCK: ReferenceBlock = {
  nodes: [
    node("x", "input", "the block input x"),
    node("attn", "attention", "attention"),
    node("add1", "add", "the first add"),
    node("norm1", "norm", "the first norm"),
    node("ffn", "ffn", "the FFN"),
    node("add2", "add", "the second add"),
    node("norm2", "norm", "the second norm"),
    node("out", "output", "the block output"),
  ],
  edges: [
    { from: "x", to: "attn" },
    { from: "attn", to: "add1", role: "as its branch" },
    { from: "x", to: "add1", role: "as its shortcut" },
    { from: "add1", to: "norm1" },
    { from: "norm1", to: "ffn" },
    { from: "ffn", to: "add2", role: "as its branch" },
    { from: "norm1", to: "add2", role: "as its shortcut" },
    { from: "add2", to: "norm2" },
    { from: "norm2", to: "out" },
  ],
};

/** Whether some wire runs from a part of type `from` to a part of type `to`. */
export function hasWire(graph: BlockGraph, from: string, to: string, where: (toId: string) => boolean = () => true): boolean {
  const type = new Map(graph.nodes.map((n) => [n.id, n.type]));
  return graph.edges.some((e) => type.get(e.from) === from && type.get(e.to) === to && where(e.to));
}

/** Fewer than two adds: one sublayer has no residual add. */
export const missingAdd = (graph: BlockGraph): boolean => graph.nodes.filter((n) => n.type === "add").length < 2;
