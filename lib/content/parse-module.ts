// Entry point of the pure parser: a module's manifest and markdown files in,
// a validated ParsedModule out (cards, checklist items, skipped lines with
// reasons, warnings). No I/O, no database.
import { AppError } from "../errors/app-error";
import { lineSource } from "./blocks";
import { extractMarkers } from "./markers";
import { buildItem, type BuildOptions, type CardDraft, type ChecklistDraft } from "./build-items";
import { contentHash, stableStringify, sha256 } from "./ids";
import { MAX_CARDS, MAX_CHECKLIST_ITEMS } from "./limits";
import { parseMarkdownFile, type ParsedFile } from "./parse-markdown";
import {
  type ModuleManifestSchema,
  ModuleSourceSchema,
  ParsedCardSchema,
  ParsedChecklistItemSchema,
  type Difficulty,
  type ModuleSource,
  type ParsedCard,
  type ParsedChecklistItem,
  type ParsedModule,
  type ParseWarning,
  type SkippedLine,
  type SourceRef,
} from "./schemas";
import type { z } from "zod";

export interface ParseOptions {
  /** When given, exercise cards and evidence rules must name one of these slugs. */
  knownExerciseSlugs?: readonly string[];
  /** Read the files as notes: answers run to the next question or heading (imports), not one paragraph. */
  notes?: boolean;
}

/**
 * The fields that make up a card's content; `contentHash` covers exactly these.
 * A cloze card's note source is left out: its faces follow from it, and cards
 * imported before it was kept keep their hash.
 */
export function cardContent(card: Omit<ParsedCard, "position" | "contentHash" | "source" | "difficultyFrom" | "noteSource">) {
  return {
    kind: card.kind,
    role: card.role,
    front: card.front,
    back: card.back,
    commonWrongAnswer: card.commonWrongAnswer,
    keyPoints: card.keyPoints,
    topic: card.topic,
    tags: card.tags,
    difficulty: card.difficulty,
    siblingKey: card.siblingKey,
    exerciseSlug: card.exerciseSlug,
  };
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

class Collector {
  readonly cards: ParsedCard[] = [];
  readonly checklist: ParsedChecklistItem[] = [];
  readonly skipped: SkippedLine[] = [];
  readonly warnings: ParseWarning[] = [];
  private readonly seen = new Map<string, SourceRef>();

  skip(ref: SourceRef, text: string, reason: string): void {
    this.skipped.push({ ...ref, text, reason });
  }

  private claim(namespace: string, id: string, ref: SourceRef, text: string): boolean {
    const first = this.seen.get(`${namespace}:${id}`);
    if (!first) {
      this.seen.set(`${namespace}:${id}`, ref);
      return true;
    }
    const why = id.startsWith("h-") ? "the same question already appears under the same heading" : `the id ${id} is already used`;
    this.skip(ref, text, `duplicate: ${why} (${first.file}:${first.line}); give one of them its own {#id}`);
    return false;
  }

  addCard(draft: CardDraft, text: string): void {
    if (this.cards.length >= MAX_CARDS) {
      this.skip(draft.source, text, `module has more than ${MAX_CARDS} cards`);
      return;
    }
    const card = { ...draft, position: this.cards.length, contentHash: contentHash(cardContent(draft)) };
    const parsed = ParsedCardSchema.safeParse(card);
    if (!parsed.success) {
      this.skip(draft.source, text, issuesText(parsed.error));
      return;
    }
    if (this.claim("card", card.externalId, card.source, text)) this.cards.push(parsed.data);
  }

  addChecklist(draft: ChecklistDraft, text: string): void {
    if (this.checklist.length >= MAX_CHECKLIST_ITEMS) {
      this.skip(draft.source, text, `module has more than ${MAX_CHECKLIST_ITEMS} checklist items`);
      return;
    }
    const parsed = ParsedChecklistItemSchema.safeParse({ ...draft, position: this.checklist.length });
    if (!parsed.success) {
      this.skip(draft.source, text, issuesText(parsed.error));
      return;
    }
    if (this.claim("check", draft.externalId, draft.source, text)) this.checklist.push(parsed.data);
  }
}

/**
 * Parses a module. Throws AppError VALIDATION (with one issue per problem) when
 * the manifest is invalid or a file breaks a size cap; every problem inside
 * the markdown is reported as a skipped line instead, so one bad card never
 * blocks the rest. Deterministic: the same source always gives the same result.
 */
export function parseModuleSource(source: ModuleSource, opts: ParseOptions = {}): ParsedModule {
  const checked = ModuleSourceSchema.safeParse(source);
  if (!checked.success) {
    const issues = checked.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", `Invalid module: ${issuesText(checked.error)}`, issues);
  }
  const { manifest, files } = checked.data;
  const read = files.map((file) => parseMarkdownFile(file.name, file.text, { runOnAnswers: opts.notes ?? false }));
  return assembleModule(
    { ...manifest, sourceHash: sha256(stableStringify({ manifest, files })) },
    files.map((f) => f.name),
    read,
    opts,
  );
}

/**
 * Turns raw items read from `fileNames` (in that order) into a ParsedModule:
 * ids, size caps, duplicates, positions and content hashes. Shared by the
 * markdown reader and other importers (CSV) so every card is built one way.
 */
export function assembleModule(
  module: { slug: string; title: string; description: string; sourceHash: string; defaultDifficulty?: Difficulty },
  fileNames: readonly string[],
  read: readonly Pick<ParsedFile, "items" | "skipped" | "warnings">[],
  opts: ParseOptions = {},
): ParsedModule {
  const build: BuildOptions = { defaultDifficulty: module.defaultDifficulty, knownExerciseSlugs: opts.knownExerciseSlugs };
  const out = new Collector();
  for (const parsed of read) {
    out.skipped.push(...parsed.skipped);
    out.warnings.push(...parsed.warnings);
    for (const item of parsed.items) {
      const built = buildItem(item, build);
      if (built.kind === "skip") {
        out.skip(item.ref, item.excerpt, built.reason);
        continue;
      }
      out.warnings.push(...built.warnings);
      if (built.kind === "cards") {
        for (const card of built.cards) out.addCard(card, item.excerpt);
      } else out.addChecklist(built.item, item.excerpt);
    }
  }
  const order = (a: SourceRef, b: SourceRef) => fileNames.indexOf(a.file) - fileNames.indexOf(b.file) || a.line - b.line;
  return {
    slug: module.slug,
    title: module.title,
    description: module.description,
    sourceHash: module.sourceHash,
    cards: out.cards,
    checklist: out.checklist,
    skipped: out.skipped.sort(order),
    warnings: out.warnings.sort(order),
  };
}

/**
 * A one-file module (an upload): the manifest comes from the file's front
 * matter (`slug`, `title`, `description`, `difficulty`); without a title, the
 * first `#` heading, else the file name without its extension. `overrides` win.
 */
export function singleFileSource(name: string, text: string, overrides: Partial<z.input<typeof ModuleManifestSchema>> = {}): ModuleSource {
  const front = parseMarkdownFile(name, text).frontMatter;
  const difficulty = front.difficulty?.toUpperCase();
  return {
    manifest: {
      slug: front.slug ?? "",
      title: (front.title || firstHeading(text)) ?? fileStem(name),
      description: front.description ?? "",
      ...(difficulty === "EASY" || difficulty === "MEDIUM" || difficulty === "HARD" ? { defaultDifficulty: difficulty } : {}),
      ...overrides,
    },
    files: [{ name, text }],
  };
}

/** The text of the first `# Title` line outside code, without markers, at most 120 characters. */
export function firstHeading(text: string): string | undefined {
  const src = lineSource(text);
  const at = src.lines.findIndex((line, i) => !src.code[i] && /^#\s+\S/.test(line));
  const title = at < 0 ? "" : extractMarkers((src.lines[at] ?? "").replace(/^#\s+/, "").replace(/\s*¶?\s*#*\s*$/, "")).text;
  return title ? title.slice(0, 120) : undefined;
}

/** "notes/attention.final.md" → "attention.final". */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return (
    base
      .replace(/\.[^.]*$/, "")
      .trim()
      .slice(0, 120) || "Imported notes"
  );
}
