// A module as a folder in the markdown module format: module.json, the
// markdown files, its images under media/, and a README saying what is there.
// Before the image links are rewritten the markdown is read back with the
// module parser, so the export says which cards (if any) would not come back
// the same. Pure.
import { contentHash } from "../content/ids";
import { cardContent, parseModuleSource } from "../content/parse-module";
import { EvidenceRuleSchema, type ModuleManifest } from "../content/schemas";
import { mediaFileName, relinkImages, type ExportImage } from "./module-media";
import { moduleMarkdown, type ExportCard } from "./module-markdown";

export interface ModuleFolder {
  /** Path inside the folder → bytes. */
  files: Map<string, Uint8Array>;
  notes: string[];
}

type ChecklistRow = { externalId: string; section: string; text: string; evidenceRule: unknown };

/** Cards whose id and content the written markdown does not give back, by external id. */
function unfaithful(cards: readonly ExportCard[], manifest: ModuleManifest, files: { name: string; text: string }[]): string[] {
  const read = new Map(parseModuleSource({ manifest, files }).cards.map((c) => [c.externalId, contentHash(cardContent(c))]));
  return cards.filter((c) => read.get(c.externalId) !== contentHash(cardContent(c))).map((c) => c.externalId);
}

function readme(title: string, notes: readonly string[]): string {
  return [
    `# ${title}`,
    "",
    "Exported from Residual in the markdown module format (see content/README.md of Residual):",
    "module.json lists the markdown files in order; every card carries its `{#id}`, so importing",
    "this folder (or this zip, at /import) into the same module again changes nothing. Images are",
    "in media/ and the cards link to them by relative path; importing the zip stores them again.",
    ...(notes.length ? ["", "Not exported exactly:", ...notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

/**
 * The folder of module `module` holding `cards` and `checklist` (live rows,
 * in position order) and `images` (the module's stored images; those the cards
 * link to go under media/ and the links become `media/<file>`).
 */
export function moduleFolder(
  module: { slug: string; title: string; description: string },
  cards: readonly ExportCard[],
  checklist: readonly ChecklistRow[],
  images: readonly ExportImage[],
): ModuleFolder {
  const items = checklist.map((c) => ({ ...c, evidenceRule: EvidenceRuleSchema.safeParse(c.evidenceRule).data ?? null }));
  const written = moduleMarkdown(cards, items);
  const manifest: ModuleManifest = { slug: module.slug, title: module.title, description: module.description, files: written.files.map((f) => f.name) };
  const notes: string[] = [];
  const changed = written.files.length ? unfaithful(cards, manifest, written.files) : cards.map((c) => c.externalId);
  if (changed.length) notes.push(`${changed.length} card(s) would come back changed or as new cards: ${changed.slice(0, 10).join(", ")}`);
  if (written.approximated.length)
    notes.push(
      `${written.approximated.length} note(s) written without an id come back as new cards (a cloze note whose text could not be had, that spans paragraphs or has an extra is written as one question per gap)`,
    );

  const names = new Map(images.map((i) => [i.id, mediaFileName(i)]));
  const encoder = new TextEncoder();
  const files = new Map<string, Uint8Array>();
  files.set("module.json", encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  const linked = new Set<string>();
  for (const file of written.files) {
    const text = relinkImages(file.text, names, "media/");
    for (const [id, name] of names) if (text.includes(`media/${name}`)) linked.add(id);
    files.set(file.name, encoder.encode(text));
  }
  for (const image of images) if (linked.has(image.id)) files.set(`media/${mediaFileName(image)}`, image.bytes);
  files.set("README.md", encoder.encode(readme(module.title, notes)));
  return { files, notes };
}
