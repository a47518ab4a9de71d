import { describe, expect, it } from "vitest";
import { catalogue } from "@/exercises/catalogue";
import { createCatalogue } from "@/lib/catalogue/catalogue";

describe("createCatalogue", () => {
  it("finds every exercise and drawing prompt by slug, and lists them all as gradable", () => {
    for (const exercise of catalogue.exercises) expect(catalogue.findExercise(exercise.slug)).toBe(exercise);
    for (const prompt of catalogue.drawings) expect(catalogue.findDrawingPrompt(prompt.slug)).toBe(prompt);
    expect(catalogue.gradableSlugs).toHaveLength(catalogue.exercises.length + catalogue.drawings.length);
    expect(catalogue.findExercise("causal-mask-grid")).toBeUndefined();
    expect(catalogue.findDrawingPrompt("layernorm-by-hand")).toBeUndefined();
  });

  it("refuses a slug used twice: a card names its exercise by slug alone", () => {
    const [first] = catalogue.exercises;
    if (!first) throw new Error("empty catalogue");
    expect(() => createCatalogue({ exercises: [first, first], drawings: [], labs: [] })).toThrow(first.slug);
  });
});
