// The course's worked numbers, recomputed, and the conventions it shares with the
// exercises and labs: a card and an exercise on the same idea must agree.
import { beforeAll, describe, expect, it } from "vitest";
import { solveDecodeWork } from "@/exercises/kv-cache-decode-work";
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
