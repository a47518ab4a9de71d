import { describe, expect, it } from "vitest";
import { contentHash, deriveExternalId, normalizeForId, stableStringify } from "@/lib/content/ids";

describe("normalizeForId", () => {
  it.each([
    ["What is **RMSNorm**?", "what is rmsnorm"],
    ["  Why   `sqrt(d_k)`?? ", "why sqrt(dk)"],
    ["Ｆｕｌｌ-width", "full-width"],
  ])("%s → %s", (input, output) => {
    expect(normalizeForId(input)).toBe(output);
  });
});

describe("deriveExternalId", () => {
  it("is stable under cosmetic edits and changes with the words or the topic", () => {
    const base = deriveExternalId("card", "Norms > RMSNorm", "What does RMSNorm skip?");
    expect(base).toMatch(/^h-[0-9a-f]{16}$/);
    expect(deriveExternalId("card", "Norms > RMSNorm", "what does **RMSNorm** skip")).toBe(base);
    expect(deriveExternalId("card", "Norms > RMSNorm", "What does RMSNorm drop?")).not.toBe(base);
    expect(deriveExternalId("card", "Norms", "What does RMSNorm skip?")).not.toBe(base);
    expect(deriveExternalId("check", "Norms > RMSNorm", "What does RMSNorm skip?")).not.toBe(base);
  });
});

describe("stableStringify / contentHash", () => {
  it("ignores key order and undefined fields", () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});
