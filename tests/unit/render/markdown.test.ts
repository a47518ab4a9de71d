import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/render/markdown";

describe("renderMarkdown", () => {
  it.each([
    { name: "raw HTML is escaped", source: "<script>alert(1)</script>", contains: "&lt;script&gt;", absent: "<script>" },
    { name: "event-handler HTML is escaped", source: '<img src=x onerror="alert(1)">', contains: "&lt;img", absent: "<img" },
    { name: "javascript: links lose their href", source: "[click](javascript:alert(1))", contains: "click", absent: 'href="javascript' },
    { name: "https links keep theirs", source: "[docs](https://example.com)", contains: 'href="https://example.com"', absent: "javascript" },
    { name: "images become their alt text", source: "![diagram](https://example.com/a.png)", contains: "diagram", absent: "<img" },
    {
      name: "the app's own images are shown",
      source: "![a diagram](/api/images/0b6c7a4e-5d1f-4c3b-9a2e-7f8e9d0c1b2a)",
      contains: '<img src="/api/images/0b6c7a4e-5d1f-4c3b-9a2e-7f8e9d0c1b2a" alt="a diagram"',
      absent: "onerror",
    },
    {
      name: "an own-image path with more after it is not an image",
      source: '![x](/api/images/0b6c7a4e-5d1f-4c3b-9a2e-7f8e9d0c1b2a/../../api/export "t")',
      contains: "x",
      absent: "<img",
    },
    {
      name: "alt text of an own image is escaped",
      source: '![" onerror="alert(1)](/api/images/0b6c7a4e-5d1f-4c3b-9a2e-7f8e9d0c1b2a)',
      contains: "&quot; onerror=&quot;",
      absent: '" onerror="',
    },
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
