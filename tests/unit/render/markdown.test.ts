import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/render/markdown";

describe("renderMarkdown", () => {
  it.each([
    { name: "raw HTML is escaped", source: "<script>alert(1)</script>", contains: "&lt;script&gt;", absent: "<script>" },
    { name: "event-handler HTML is escaped", source: '<img src=x onerror="alert(1)">', contains: "&lt;img", absent: "<img" },
    { name: "javascript: links lose their href", source: "[click](javascript:alert(1))", contains: "click", absent: 'href="javascript' },
    { name: "https links keep theirs", source: "[docs](https://example.com)", contains: 'href="https://example.com"', absent: "javascript" },
    { name: "images become their alt text", source: "![diagram](https://example.com/a.png)", contains: "diagram", absent: "<img" },
    { name: "money is not math", source: "It costs $5 and $6.", contains: "$5 and $6", absent: "katex" },
    { name: "inline math is typeset", source: "The norm is $\\sqrt{10}$.", contains: "katex", absent: "$\\sqrt" },
    { name: "display math is typeset", source: "$$\\frac{x-\\mu}{\\sigma}$$", contains: "math-display", absent: "$$" },
    { name: "bad TeX renders as an error, not an exception", source: "$\\frac{$", contains: "", absent: "<script" },
    { name: "code keeps its language", source: "```py\nprint(1)\n```", contains: 'class="language-py"', absent: "<script" },
  ])("$name", ({ source, contains, absent }) => {
    const html = renderMarkdown(source);
    expect(html).toContain(contains);
    expect(html).not.toContain(absent);
  });
});
