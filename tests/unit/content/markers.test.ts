import { describe, expect, it } from "vitest";
import { extractMarkers, parseEvidence } from "@/lib/content/markers";

const cases = [
  { name: "no markers", input: "What is x?", text: "What is x?", markers: { reverse: false, tags: [] } },
  { name: "difficulty word", input: "What is x? [hard]", text: "What is x?", markers: { difficulty: "HARD" } },
  { name: "leading emoji", input: "🟢 causal mask", text: "causal mask", markers: { difficulty: "EASY" } },
  { name: "trailing emoji", input: "KV cache 🔴", text: "KV cache", markers: { difficulty: "HARD" } },
  { name: "id and difficulty in any order", input: "q {#kv-size} [medium]", text: "q", markers: { id: "kv-size", difficulty: "MEDIUM" } },
  { name: "role and reverse", input: "q [interview] [reverse]", text: "q", markers: { role: "INTERVIEW", reverse: true } },
  { name: "tags are lower-cased", input: "q [tags: Norms, Numbers]", text: "q", markers: { tags: ["norms", "numbers"] } },
  { name: "exercise slug", input: "Do it [exercise: causal-mask-row]", text: "Do it", markers: { exerciseSlug: "causal-mask-row" } },
  {
    name: "evidence rule",
    input: "Can mask [evidence: causal-mask-row passed on 3 separate days]",
    text: "Can mask",
    markers: { evidence: { kind: "exercise-passed", exerciseSlug: "causal-mask-row", distinctDays: 3 } },
  },
  { name: "content brackets stay", input: "RMSNorm of [2, 4] is [0.63, 1.26]", text: "RMSNorm of [2, 4] is [0.63, 1.26]", markers: { notes: [] } },
  { name: "marker before content brackets is not reached", input: "x [hard] [0.63, 1.26]", text: "x [hard] [0.63, 1.26]", markers: {} },
  { name: "unknown word marker is kept and noted", input: "q [hardd]", text: "q [hardd]", markers: { notes: ["unknown marker [hardd] kept as text"] } },
  { name: "invalid id is a problem", input: "q {#Bad Id}", text: "q", markers: { problems: [expect.stringMatching(/invalid id/)] } },
  { name: "conflicting difficulty is a problem", input: "q [easy] 🔴", text: "q", markers: { problems: [expect.stringMatching(/conflicting/)] } },
];

describe("extractMarkers", () => {
  it.each(cases)("$name", ({ input, text, markers }) => {
    const out = extractMarkers(input);
    expect(out.text).toBe(text);
    expect(out.markers).toMatchObject(markers);
  });
});

describe("parseEvidence", () => {
  it.each([
    ["causal-mask-row passed on 3 separate days", { exerciseSlug: "causal-mask-row", distinctDays: 3 }],
    ["exercise layernorm-by-hand on 2 days", { exerciseSlug: "layernorm-by-hand", distinctDays: 2 }],
    ["rmsnorm-by-hand 1 day", { exerciseSlug: "rmsnorm-by-hand", distinctDays: 1 }],
  ])("reads %s", (text, rule) => {
    expect(parseEvidence(text)).toEqual({ kind: "exercise-passed", ...rule });
  });

  it.each(["someday", "causal-mask-row passed", "x on 0 days", "x on 31 days"])("rejects %s", (text) => {
    expect(parseEvidence(text)).toBeUndefined();
  });
});
