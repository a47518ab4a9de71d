import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/content/ids";
import { cardContent, parseModuleSource } from "@/lib/content/parse-module";
import { MAX_CARD_TEXT } from "@/lib/content/limits";
import { imageLinkTargets, relinkImages, relinkModule } from "@/lib/imports/image-links";

const URL = "/api/images/0f1e2d3c-4b5a-8978-a695-a4b3c2d1e0f1";
const urlOf = (target: string) => (target === "cat.png" || target === "media/cat.png" ? URL : null);

describe("image links", () => {
  it.each([
    { name: "a bare target", text: "See ![a cat](cat.png).", targets: ["cat.png"], relinked: `See ![a cat](${URL}).` },
    { name: "an angle-bracketed target, as the Anki converter writes", text: "![](<cat.png>)", targets: ["cat.png"], relinked: `![](${URL})` },
    { name: "a media/ path, as the markdown export writes", text: "![image](media/cat.png)", targets: ["media/cat.png"], relinked: `![image](${URL})` },
    {
      name: "an unknown file is left as written",
      text: "![](<dog.png>) ![x](cat.png)",
      targets: ["dog.png", "cat.png"],
      relinked: `![](<dog.png>) ![x](${URL})`,
    },
    { name: "a plain link is not an image", text: "[cat](cat.png)", targets: [], relinked: "[cat](cat.png)" },
  ])("$name", ({ text, targets, relinked }) => {
    expect(imageLinkTargets(text)).toEqual(targets);
    expect(relinkImages(text, urlOf)).toBe(relinked);
  });

  const module = parseModuleSource({
    manifest: { slug: "m", title: "M", description: "" },
    files: [{ name: "a.md", text: "Q: What is this? {#cat}\nA: ![image](media/cat.png)\n\nQ: Plain? {#plain}\nA: Yes.\n" }],
  });

  it("points a module's links at stored images and updates the content hashes of those cards only", () => {
    const relinked = relinkModule(module, urlOf);
    const [cat, plain] = relinked.cards;
    expect(cat?.back).toBe(`![image](${URL})`);
    expect(cat?.contentHash).toBe(cat && contentHash(cardContent(cat)));
    expect(cat?.contentHash).not.toBe(module.cards[0]?.contentHash);
    expect(plain).toBe(module.cards[1]);
  });

  it("leaves a card as it was when the longer links would break its length cap", () => {
    const long = { ...module, cards: module.cards.map((c) => ({ ...c, back: `${"x".repeat(MAX_CARD_TEXT - 30)} ![](cat.png)` })) };
    expect(relinkModule(long, urlOf).cards[0]?.back).toBe(long.cards[0]?.back);
  });
});
