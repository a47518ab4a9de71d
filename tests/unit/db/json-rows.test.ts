import { describe, expect, it } from "vitest";
import { jsonRows } from "@/lib/db/json-rows";

describe("rows as one JSON parameter", () => {
  it.each([
    { name: "plain text is plain JSON", text: 'say "hi" \\ back\nslash', stored: 'say "hi" \\ back\nslash' },
    { name: "a surrogate pair stays", text: "brain 🧠", stored: "brain 🧠" },
    { name: "a lone high surrogate becomes U+FFFD", text: "a\ud800b", stored: "a\ufffdb" },
    { name: "a lone low surrogate becomes U+FFFD", text: "\udc00end", stored: "\ufffdend" },
    { name: "typed escape text is kept as typed", text: "\\ud800 is an escape", stored: "\\ud800 is an escape" },
    { name: "both in one string", text: "\\ud83e \ud83e", stored: "\\ud83e \ufffd" },
  ])("$name", ({ text, stored }) => {
    expect(JSON.parse(jsonRows([{ text, tags: [text] }]))).toEqual([{ text: stored, tags: [stored] }]);
  });

  it("writes dates as ISO UTC text and leaves undefined fields out", () => {
    expect(jsonRows([{ at: new Date("2026-03-02T09:00:00.123Z"), gone: undefined, none: null }])).toBe('[{"at":"2026-03-02T09:00:00.123Z","none":null}]');
  });
});
