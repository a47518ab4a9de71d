// Raw items → cards and checklist items: ids, roles, difficulties, reverse and
// cloze expansion. Positions and content hashes are filled in by parse-module.ts.
import { clozeNumbers, clozeProblems, renderCloze } from "./cloze";
import { clozeNoteSource } from "./cloze-source";
import { deriveExternalId } from "./ids";
import { noteCardIds } from "./note-card-ids";
import type { QuestionItem, RawItem } from "./parse-state";
import type { CardKind, CardRole, Difficulty, EvidenceRule, ParseWarning, SourceRef } from "./schemas";

/** A card before position and hash are assigned. */
export interface CardDraft {
  externalId: string;
  kind: CardKind;
  role: CardRole;
  front: string;
  back: string;
  commonWrongAnswer: string | null;
  keyPoints: string[];
  topic: string;
  tags: string[];
  difficulty: Difficulty;
  difficultyFrom: "item" | "heading" | "module" | "default";
  siblingKey: string;
  exerciseSlug: string | null;
  /** A cloze card's note (lib/content/cloze-source.ts); null for other cards. */
  noteSource: string | null;
  source: SourceRef;
}

export interface ChecklistDraft {
  externalId: string;
  section: string;
  text: string;
  evidenceRule: EvidenceRule | null;
  source: SourceRef;
}

export interface BuildOptions {
  defaultDifficulty?: Difficulty;
  /** When given, exercise cards and evidence rules must name one of these. */
  knownExerciseSlugs?: readonly string[];
}

/** What one raw item became: drafts, or a reason it was skipped. */
export type Built =
  | { kind: "cards"; cards: CardDraft[]; warnings: ParseWarning[] }
  | { kind: "checklist"; item: ChecklistDraft; warnings: ParseWarning[] }
  | { kind: "skip"; reason: string };

function difficultyOf(item: RawItem, opts: BuildOptions): Pick<CardDraft, "difficulty" | "difficultyFrom"> {
  if (item.markers.difficulty) return { difficulty: item.markers.difficulty, difficultyFrom: "item" };
  if (item.context.difficulty) return { difficulty: item.context.difficulty, difficultyFrom: "heading" };
  if (opts.defaultDifficulty) return { difficulty: opts.defaultDifficulty, difficultyFrom: "module" };
  return { difficulty: "MEDIUM", difficultyFrom: "default" };
}

function roleOf(item: RawItem): CardRole {
  return item.markers.role ?? item.context.role ?? (item.context.mode?.kind === "interview" ? "INTERVIEW" : "RECALL");
}

function common(item: RawItem, opts: BuildOptions, extraTags: string[] = []) {
  return {
    role: roleOf(item),
    topic: item.context.topic,
    tags: [...new Set([...extraTags, ...item.markers.tags])],
    ...difficultyOf(item, opts),
    source: item.ref,
  };
}

/** Forward card plus, when asked, its reverse sibling (`:rev`) with the faces swapped. */
function withReverse(front: CardDraft, reverse: boolean): CardDraft[] {
  if (!reverse) return [front];
  const forward: CardDraft = { ...front, kind: "REVERSED" };
  const backward: CardDraft = {
    ...forward,
    externalId: noteCardIds(front.siblingKey).reverse,
    front: front.back,
    back: front.front,
    commonWrongAnswer: null,
    keyPoints: [],
  };
  return [forward, backward];
}

function interviewWarnings(q: QuestionItem, role: CardRole): ParseWarning[] {
  if (role !== "INTERVIEW") return [];
  const warnings: ParseWarning[] = [];
  if (!q.wrongAnswer) warnings.push({ ...q.ref, message: "interview question has no “Common wrong answer to avoid”" });
  if (q.keyPoints.length < 2 || q.keyPoints.length > 5) {
    warnings.push({ ...q.ref, message: `interview question has ${q.keyPoints.length} key points (2–5 make self-grading work)` });
  }
  return warnings;
}

function buildQuestion(q: QuestionItem, opts: BuildOptions): Built {
  const id = q.markers.id ?? deriveExternalId("card", q.context.topic, q.question);
  const base = common(q, opts, q.source === "prompt" && q.context.mode?.kind === "prompt" ? [q.context.mode.tag] : []);
  const card: CardDraft = {
    ...base,
    externalId: noteCardIds(id).main,
    kind: "BASIC",
    front: q.question,
    back: q.answer,
    commonWrongAnswer: q.wrongAnswer?.trim() || null,
    keyPoints: q.keyPoints,
    siblingKey: id,
    exerciseSlug: null,
    noteSource: null,
  };
  const warnings = interviewWarnings(q, base.role);
  if (q.markers.exerciseSlug || q.markers.evidence) {
    warnings.push({ ...q.ref, message: "[exercise: …] and [evidence: …] are ignored on questions" });
  }
  return { kind: "cards", cards: withReverse(card, q.markers.reverse), warnings };
}

function buildReverse(item: Extract<RawItem, { type: "reverse" }>, opts: BuildOptions): Built {
  if (!item.term || !item.definition) return { kind: "skip", reason: "reverse note needs text on both sides of ` :: `" };
  const id = item.markers.id ?? deriveExternalId("card", item.context.topic, item.term);
  const card: CardDraft = {
    ...common(item, opts),
    externalId: noteCardIds(id).main,
    kind: "REVERSED",
    front: item.term,
    back: item.definition,
    commonWrongAnswer: null,
    keyPoints: [],
    siblingKey: id,
    exerciseSlug: null,
    noteSource: null,
  };
  return { kind: "cards", cards: withReverse(card, true), warnings: [] };
}

function buildCloze(item: Extract<RawItem, { type: "cloze" }>, opts: BuildOptions): Built {
  const problems = clozeProblems(item.text);
  if (problems.length) return { kind: "skip", reason: problems.join("; ") };
  const id = item.markers.id ?? deriveExternalId("cloze", item.context.topic, item.text);
  const ids = noteCardIds(id);
  const shared = common(item, opts);
  const noteSource = clozeNoteSource({ text: item.text, extra: "", topic: shared.topic, tags: shared.tags, difficulty: shared.difficulty });
  const cards = clozeNumbers(item.text).map(
    (n): CardDraft => ({
      ...shared,
      ...renderCloze(item.text, n),
      externalId: ids.cloze(n),
      kind: "CLOZE",
      commonWrongAnswer: null,
      keyPoints: [],
      siblingKey: id,
      exerciseSlug: null,
      noteSource,
    }),
  );
  return { kind: "cards", cards, warnings: [] };
}

function unknownSlug(slug: string, opts: BuildOptions): string | undefined {
  if (!opts.knownExerciseSlugs || opts.knownExerciseSlugs.includes(slug)) return undefined;
  return `unknown exercise "${slug}" (known: ${opts.knownExerciseSlugs.join(", ")})`;
}

function buildExercise(item: Extract<RawItem, { type: "exercise" }>, opts: BuildOptions): Built {
  const slug = item.markers.exerciseSlug;
  if (!slug) return { kind: "skip", reason: "exercise line without an exercise slug" };
  const unknown = unknownSlug(slug, opts);
  if (unknown) return { kind: "skip", reason: unknown };
  const id = item.markers.id ?? deriveExternalId("exercise", item.context.topic, slug);
  const card: CardDraft = {
    ...common(item, opts),
    externalId: id,
    kind: "EXERCISE",
    front: item.prompt || `Exercise: ${slug}`,
    back: "",
    commonWrongAnswer: null,
    keyPoints: [],
    siblingKey: id,
    exerciseSlug: slug,
    noteSource: null,
  };
  return { kind: "cards", cards: [card], warnings: [] };
}

function buildChecklist(item: Extract<RawItem, { type: "checklist" }>, opts: BuildOptions): Built {
  const rule = item.markers.evidence ?? null;
  const unknown = rule ? unknownSlug(rule.exerciseSlug, opts) : undefined;
  if (unknown) return { kind: "skip", reason: `evidence rule names an ${unknown}` };
  const externalId = item.markers.id ?? deriveExternalId("check", item.context.section, item.text);
  return {
    kind: "checklist",
    item: { externalId, section: item.context.section, text: item.text, evidenceRule: rule, source: item.ref },
    warnings: [],
  };
}

/** Turns one raw item into drafts; marker problems make it a skip with their reasons. */
export function buildItem(item: RawItem, opts: BuildOptions): Built {
  if (item.markers.problems.length) return { kind: "skip", reason: item.markers.problems.join("; ") };
  switch (item.type) {
    case "question":
      return buildQuestion(item, opts);
    case "reverse":
      return buildReverse(item, opts);
    case "cloze":
      return buildCloze(item, opts);
    case "exercise":
      return buildExercise(item, opts);
    case "checklist":
      return buildChecklist(item, opts);
  }
}
