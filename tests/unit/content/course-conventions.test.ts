// The course's worked numbers, recomputed, and the conventions it shares with the
// exercises and labs: a card and an exercise on the same idea must agree.
import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "@/exercises/catalogue";
import { solveDecodeWork } from "@/exercises/kv-cache-decode-work";
import ropeRotation, { ROPE_BASE, ropePairDimensions } from "@/exercises/rope-rotation";
import { layernormGeluBlockLab } from "@/exercises/labs/prenorm-block-layernorm-gelu";
import { rmsnormSwigluBlockLab } from "@/exercises/labs/prenorm-block-rmsnorm-swiglu";
import { solveSlidingWindow } from "@/exercises/sliding-window-visibility";
import { loadModuleDir } from "@/lib/content/load-module-dir";
import { parseModuleSource } from "@/lib/content/parse-module";
import type { ParsedModule } from "@/lib/content/schemas";
import { DEFAULT_COURSE_DIR } from "@/lib/content/seed-course";
import { blockConventions } from "@/lib/labs/block-lab";
import { gelu } from "@/lib/reference/float64/ffn";
import type { BlockConfig } from "@/lib/reference";
import { ropeTablesAt } from "@/lib/reference/config";
import * as float64 from "@/lib/reference/float64";

let course: ParsedModule;
beforeAll(async () => {
  course = parseModuleSource(await loadModuleDir(DEFAULT_COURSE_DIR));
});

/** Front and back of the card with this external id. */
function card(id: string): string {
  const found = course.cards.find((c) => c.externalId === id);
  if (!found) throw new Error(`no card ${id}`);
  return `${found.front}\n${found.back}\n${found.commonWrongAnswer ?? ""}`;
}

const grouped = (n: number): string => n.toLocaleString("en-US");

describe("conventions shared with the exercises", () => {
  it("counts decode work as the kv-cache-decode-work exercise does: decode steps only, no prefill", () => {
    const { stepWithout, totalWithout, totalWith, ratio } = solveDecodeWork({ promptLen: 4, newTokens: 3, position: 4 });
    const text = card("kv-work-saved");
    expect(text).toContain(`positions 4, 5 and 6`);
    expect(text).toContain(`${stepWithout} + 6 + 7 = ${totalWithout}`);
    expect(text).toContain(`1 + 1 + 1 = ${totalWith}`);
    expect(text).toContain(`${ratio}× the work`);
    expect(text).toContain("prefill is left out of both counts");
  });

  it("counts a sliding window as the exercises do: w positions, the query included", () => {
    const { mask, firstVisible } = solveSlidingWindow({ window: 3, query: 5 });
    const visible = (mask as number[]).flatMap((v, j) => (v === 1 ? [j] : []));
    expect(visible).toEqual([3, 4, 5]);
    expect(card("window-visibility")).toContain(`Positions ${visible[0]}, ${visible[1]} and ${visible[2]}`);
    expect(firstVisible).toBe(3);
  });

  it("gives a window's reach as L·(W − 1), with Mistral 7B's numbers recomputed", () => {
    const text = card("window-cache");
    expect(text).toContain("L·(W − 1)");
    expect(text).toContain(`32 × ${grouped(4096 - 1)} = ${grouped(32 * (4096 - 1))}`);
  });

  it("defines GELU with erf, as the block lab requires, and quotes its values", () => {
    expect(card("gelu-def")).toContain("\\mathrm{erf}(u/\\sqrt{2})");
    expect(card("gelu-values")).toContain(`GELU(1) = Φ(1) ≈ ${gelu(1).toFixed(3)}`);
    expect(card("gelu-values")).toContain(`GELU(−1) = −Φ(−1) ≈ −${Math.abs(gelu(-1)).toFixed(3)}`);
    expect(card("gelu-erf-vs-tanh")).toContain(`GELU(1) is ${gelu(1).toFixed(5)} exact`);
  });
});

describe("conventions stated beside each input", () => {
  const SEEDS = Array.from({ length: 12 }, (_, i) => i * 97 + 3);
  /** The words a prompt uses for each way of counting positions. */
  const SAYS_FROM = { 0: /counted from 0|0-based|positions \$?0/, 1: /counted from 1/ } as const;

  it.each(catalogue.exercises.map((e) => [e.slug, e] as const))("%s states where its positions start, beside them", (_slug, exercise) => {
    for (const seed of SEEDS) {
      const { prompt, inputs } = exercise.variant(seed);
      // A position named by a number or a symbol ("position 3", "positions $0 … 7$", "position $m$").
      const mentionsPositions = /\bpositions?\s+(\$|\d|[a-z]\b)/i.test(prompt);
      expect("positionsFrom" in inputs).toBe(mentionsPositions);
      if (!mentionsPositions) continue;
      const from = inputs.positionsFrom;
      expect(from === 0 || from === 1).toBe(true);
      expect(prompt).toMatch(SAYS_FROM[from as 0 | 1]);
      expect(prompt).not.toMatch(SAYS_FROM[from === 0 ? 1 : 0]);
    }
  });

  it("counts positions from 0 everywhere but causal-mask-row, whose 1-based query is part of what it tests", () => {
    const fromOne = catalogue.exercises.filter((e) => e.variant(1).inputs.positionsFrom === 1).map((e) => e.slug);
    expect(fromOne).toEqual(["causal-mask-row"]);
    expect(catalogue.findExercise("causal-mask-row")?.variant(1).prompt).toContain("not from 0 as in the course's other exercises");
    for (const d of catalogue.drawings) {
      const prompt = d.variant(1).prompt;
      if (/position|quer/i.test(prompt)) expect(prompt, d.slug).toMatch(/0-based|positions \$0/);
    }
  });

  it("pairs RoPE dimensions rotate-half in the exercise as in the labs, and rotates them as the labs' reference does", () => {
    const conventions = blockConventions(
      { dModel: 16, nHeads: 2, nKvHeads: 1, dFf: 32, norm: "rmsnorm", placement: "pre", ffn: "swiglu", epsilon: 1e-5, rope: { base: ROPE_BASE } },
      8,
    ).join("\n");
    expect(conventions).toContain("rotate-half");
    expect(conventions).toContain("(x_k, x_{k+d_head/2})");
    for (const seed of SEEDS) {
      const { prompt, inputs } = ropeRotation.variant(seed);
      expect(prompt).toContain("rotate-half");
      expect(prompt).not.toMatch(/2k\s*\+\s*1|\(2k,/);
      const dHead = inputs.dHead as number;
      const [first, second] = ropePairDimensions(inputs.pair as number, dHead);
      expect(inputs.dimensions).toEqual([first, second]);
      expect(prompt).toContain(`dimensions ${first} and ${second}`);
      // The labs' tables put pair k's angle at dimensions k and k + d/2; rotate a vector holding x there.
      const { cos, sin } = ropeTablesAt([inputs.position as number], dHead, ROPE_BASE);
      const [x0, x1] = inputs.x as [number, number];
      const labRotated = [x0 * (cos[first] ?? 0) - x1 * (sin[first] ?? 0), x1 * (cos[second] ?? 0) + x0 * (sin[second] ?? 0)];
      const rotated = ropeRotation.solve(seed, float64).rotated as number[];
      for (const [i, v] of rotated.entries()) expect(v).toBeCloseTo(labRotated[i] ?? Number.NaN, 12);
    }
  });
});

describe("the block labs' conventions", () => {
  const config: BlockConfig = { dModel: 128, nHeads: 8, nKvHeads: 2, dFf: 512, norm: "layernorm", placement: "pre", ffn: "gelu", epsilon: 1e-5 };

  it.each(["gelu", "swiglu"] as const)("apply the %s FFN to Norm2(h), never to h itself", (ffn) => {
    const lines = blockConventions({ ...config, ffn }, 64);
    const ffnLine = lines.find((l) => l.startsWith("FFN"));
    expect(ffnLine).toContain("u = Norm2(h)");
    expect(lines.join("\n")).not.toMatch(/\(h·w|h·W/);
  });

  it("write the GELU lab's FFN in one (row-vector) form and do not call grouped-query attention GPT style", () => {
    const lab = layernormGeluBlockLab(4, { ...config, dModel: 16, dFf: 32 });
    expect(lab.summary).not.toMatch(/GPT/);
    expect(lab.summary).toContain("erf");
    const task = lab.view(1).task;
    expect(task).toContain("\\mathrm{GELU}(u\\,W_1)\\,W_2");
    expect(task).not.toContain("W_2\\,\\mathrm{GELU}");
  });

  it("name the SwiGLU lab's branches on the normalised input", () => {
    for (const { message } of rmsnormSwigluBlockLab(4, { ...config, dModel: 16, dFf: 24, norm: "rmsnorm", ffn: "swiglu" }).variants) {
      expect(message).not.toMatch(/\(h·w|\bh·w/);
    }
  });
});

describe("worked numbers, recomputed", () => {
  const bandwidth = 2e12;
  const weights = 7e9 * 2;
  const cacheBytes = (kvHeads: number) => 2 * 32 * kvHeads * 128 * 2 * 4096;

  it("bounds decode speed by memory bandwidth", () => {
    const text = card("decode-bandwidth-bound");
    expect(text).toContain(`≈ **${Math.round(bandwidth / weights)} tokens/s**`);
    expect(text).toContain(`${(cacheBytes(32) / 1e9).toFixed(2)} GB per step`);
    expect(text).toContain(`≈ **${Math.round(bandwidth / (weights + cacheBytes(32)))} tokens/s**`);
    expect(text).toContain(`≈ ${Math.round(bandwidth / (7e9 * 0.5))} tokens/s`);
  });

  it("shows what GQA buys at batch 1 and at batch 8", () => {
    const text = card("gqa-decode-speed");
    const perSecond = (batch: number, kvHeads: number) => Math.round((batch * bandwidth) / (weights + batch * cacheBytes(kvHeads)));
    expect(text).toContain(`≈ ${perSecond(1, 32)} → ${perSecond(1, 8)} tokens/s`);
    expect(text).toContain(`≈ ${perSecond(8, 32)} → ${perSecond(8, 8)} tokens/s`);
    expect(text).toContain(`${Math.round((perSecond(1, 8) / perSecond(1, 32) - 1) * 100)}% faster`);
    expect(text).toContain(`${(perSecond(8, 8) / perSecond(8, 32)).toFixed(1)}× faster`);
  });

  it("stretches RoPE with the right wavelengths, NTK base and YaRN temperature", () => {
    const wavelength = (k: number) => 2 * Math.PI * 10000 ** ((2 * k) / 128);
    const firstUnfinished = Array.from({ length: 64 }, (_, k) => k).find((k) => wavelength(k) > 4096);
    expect(card("rope-long-context")).toContain(`Pairs ${firstUnfinished} to 63 never complete a turn`);
    expect(card("rope-long-context")).toContain(`about ${Math.round(wavelength(63) / 1000)},000 for k = 63`);
    expect(card("ntk-rope")).toContain(`b' \\approx ${grouped(Math.round((10000 * 4 ** (128 / 126)) / 100) * 100).replace(",", "{,}")}`);
    expect(card("yarn")).toContain(`≈ ${((0.1 * Math.log(4) + 1) ** 2).toFixed(2)} for s = 4`);
  });

  it("puts the attention–FFN crossover at n = 4d", () => {
    expect(card("attention-ffn-crossover")).toContain(`${grouped(4 * 4096)} tokens for d = 4096`);
  });
});
