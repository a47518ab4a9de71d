// Image links in imported card markdown: which files the cards point at, and
// the same cards with those links pointed at stored images. Pure.
import { editClozeSource } from "../content/cloze-source";
import { contentHash } from "../content/ids";
import { cardContent } from "../content/parse-module";
import { ParsedCardSchema, type ParsedCard, type ParsedModule } from "../content/schemas";

// `![alt](target)` or `![alt](<target with spaces>)`, as the Anki converter and the exporters write them.
const IMAGE_LINK = /!\[([^\]\n]*)\]\((<[^>\n]*>|[^\s)]+)\)/g;

const bare = (target: string) => (target.startsWith("<") && target.endsWith(">") ? target.slice(1, -1) : target);

/** The targets of every image link in `text`, angle brackets removed. */
export function imageLinkTargets(text: string): string[] {
  return [...text.matchAll(IMAGE_LINK)].map((m) => bare(m[2] ?? ""));
}

/** `text` with each image link whose target `urlOf` knows pointed at that URL; other links are left as written. */
export function relinkImages(text: string, urlOf: (target: string) => string | null): string {
  return text.replace(IMAGE_LINK, (link, alt: string, target: string) => {
    const url = urlOf(bare(target));
    return url ? `![${alt}](${url})` : link;
  });
}

/** Every text of a card that may hold an image. */
export function cardTexts(card: Pick<ParsedCard, "front" | "back" | "commonWrongAnswer" | "keyPoints">): string[] {
  return [card.front, card.back, card.commonWrongAnswer ?? "", ...card.keyPoints];
}

function relinkCard(card: ParsedCard, urlOf: (target: string) => string | null): ParsedCard {
  const relink = (text: string) => relinkImages(text, urlOf);
  const texts = { front: relink(card.front), back: relink(card.back), commonWrongAnswer: card.commonWrongAnswer && relink(card.commonWrongAnswer) };
  const changed = { ...card, ...texts, keyPoints: card.keyPoints.map(relink), noteSource: editClozeSource(card.noteSource, relink) };
  if (cardTexts(changed).join("\n") === cardTexts(card).join("\n")) return card;
  const next = { ...changed, contentHash: contentHash(cardContent(changed)) };
  // A link is longer than a file name: a card that would pass its length cap keeps its links as they were.
  return ParsedCardSchema.safeParse(next).success ? next : card;
}

/** `module` with its cards' image links pointed where `urlOf` says (their content hashes follow). */
export function relinkModule(module: ParsedModule, urlOf: (target: string) => string | null): ParsedModule {
  return { ...module, cards: module.cards.map((card) => relinkCard(card, urlOf)) };
}
