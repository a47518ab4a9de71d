import { describe, expect, it } from "vitest";
import { catalogue } from "@/exercises/catalogue";
import { LABS } from "@/exercises/labs";
import { labInputs, labSummaries, labView, MAX_LAB_OUTPUT_ELEMENTS } from "@/lib/labs";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe("lab catalogue", () => {
  it("holds the five required labs (two block labs) under unique kebab-case slugs", () => {
    const slugs = labSummaries(LABS).map((s) => s.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "layernorm-forward",
        "causal-attention",
        "gqa-attention",
        "prenorm-block-layernorm-gelu",
        "prenorm-block-rmsnorm-swiglu",
        "kv-cache-decode",
      ]),
    );
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(KEBAB);
    expect(catalogue.findLab("no-such-lab")).toBeUndefined();
  });

  it.each(LABS.map((lab) => ({ name: lab.slug, lab })))("$name: view, inputs and variants are consistent", ({ lab }) => {
    const view = labView(lab, 0);
    expect(catalogue.findLab(lab.slug)).toBe(lab);
    expect(view.conventions.length).toBeGreaterThanOrEqual(4);
    expect(view.task.length).toBeGreaterThan(40);
    const names = view.inputs.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const input of view.inputs) expect(input.axes.length).toBe(input.shape.length);
    expect(labInputs(lab, 0).map((i) => i.tensor.shape)).toEqual(view.inputs.map((i) => i.shape));
    expect(view.output.axes.length).toBe(view.output.shape.length);
    expect(view.output.shape.reduce((p, n) => p * n, 1)).toBeLessThanOrEqual(MAX_LAB_OUTPUT_ELEMENTS);
    const codes = lab.variants.map((v) => v.code);
    expect(codes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(KEBAB);
  });

  it.each([
    { name: "negative", seed: -1 },
    { name: "fractional", seed: 1.5 },
    { name: "2^31", seed: 2 ** 31 },
    { name: "NaN", seed: Number.NaN },
  ])("rejects a $name seed", ({ seed }) => {
    const lab = LABS[0];
    if (!lab) throw new Error("empty catalogue");
    expect(() => labView(lab, seed)).toThrow(RangeError);
    expect(() => labInputs(lab, seed)).toThrow(RangeError);
  });
});
