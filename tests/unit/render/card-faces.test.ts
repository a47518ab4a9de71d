import { describe, expect, it } from "vitest";
import { renderCardFaces } from "@/lib/render/card-faces";

const card = { id: "c1", contentHash: "h1", front: "What is **RMSNorm**?", back: "Scale by $\\mathrm{rms}(x)$.", commonWrongAnswer: null };

describe("renderCardFaces", () => {
  it("renders each face, and the same version to the same object", () => {
    const first = renderCardFaces(card);
    expect(first.frontHtml).toContain("<strong>RMSNorm</strong>");
    expect(first.backHtml).toContain("katex");
    expect(first.wrongAnswerHtml).toBeNull();
    expect(renderCardFaces(card)).toBe(first);
  });

  it("renders an edited card afresh", () => {
    const edited = renderCardFaces({ ...card, contentHash: "h2", front: "What does *RMSNorm* skip?", commonWrongAnswer: "The scale" });
    expect(edited.frontHtml).toContain("<em>RMSNorm</em>");
    expect(edited.wrongAnswerHtml).toContain("The scale");
  });
});
