import { describe, expect, it } from "vitest";
import { QUOTE_MAX_CHARS, quoteInput, truncateInput } from "@/lib/errors/quote-input";

describe("quoteInput", () => {
  it.each([
    { name: "short text as is, in quotes", text: "meen", quoted: '"meen"' },
    { name: "empty text", text: "", quoted: '""' },
    { name: "exactly the cap", text: "a".repeat(QUOTE_MAX_CHARS), quoted: `"${"a".repeat(QUOTE_MAX_CHARS)}"` },
    { name: "one over the cap is cut with an ellipsis", text: "a".repeat(QUOTE_MAX_CHARS + 1), quoted: `"${"a".repeat(QUOTE_MAX_CHARS)}…"` },
    { name: "20 MiB is cut to the cap", text: "x".repeat(20 * 2 ** 20), quoted: `"${"x".repeat(QUOTE_MAX_CHARS)}…"` },
  ])("$name", ({ text, quoted }) => {
    expect(quoteInput(text)).toBe(quoted);
  });

  it("never splits a surrogate pair at the cut", () => {
    const text = `${"a".repeat(QUOTE_MAX_CHARS - 1)}💻 and more`;
    const cut = truncateInput(text);
    expect(cut).toBe(`${"a".repeat(QUOTE_MAX_CHARS - 1)}…`);
    expect(/[\uD800-\uDBFF]$/.test(cut.slice(0, -1))).toBe(false);
  });

  it("takes its own cap", () => {
    expect(truncateInput("abcdef", 3)).toBe("abc…");
    expect(quoteInput("abcdef", 10)).toBe('"abcdef"');
  });
});
