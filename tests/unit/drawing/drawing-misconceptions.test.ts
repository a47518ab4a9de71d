import { describe, expect, it } from "vitest";
import { DRAWING_PROMPTS } from "@/exercises/drawings";
import { misconceptionName } from "@/lib/grading/misconception-name";

describe("the mistakes a drawing prompt names", () => {
  it.each(DRAWING_PROMPTS.map((p) => [p.slug, p] as const))("%s: each named once, each with words for the learner", (_slug, prompt) => {
    const codes = prompt.misconceptions.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { code, message } of prompt.misconceptions) {
      expect(message.trim().length).toBeGreaterThan(20);
      // A list shows the message's first sentence, never the code.
      expect(misconceptionName(code, message)).not.toContain(code);
    }
  });
});
