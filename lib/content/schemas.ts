// The shapes of authored content (module.json, markdown files) and of what the
// parser hands to the importer. The `.describe()` texts document the authored
// files; content/README.md explains the markdown syntax itself.
import { z } from "zod";
import {
  MAX_CARD_TEXT,
  MAX_CHECKLIST_TEXT,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_ID,
  MAX_KEY_POINT,
  MAX_KEY_POINTS,
  MAX_MODULE_BYTES,
  MAX_TAG,
  MAX_TAGS,
  MAX_TOPIC,
  MAX_WRONG_ANSWER,
} from "./limits";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXTERNAL_ID = /^[a-z0-9][a-z0-9-]*(?::[a-z0-9]+)?$/;

const tooLong = (what: string) => (issue: { maximum?: unknown; input?: unknown }) => {
  const got = typeof issue.input === "string" ? ` (got ${issue.input.length})` : "";
  return `${what} is too long: at most ${String(issue.maximum)} characters${got}`;
};

/** UTF-8 size of a string in bytes. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const DifficultySchema = z
  .enum(["EASY", "MEDIUM", "HARD"])
  .describe("How hard an item is. Written `[easy]`, `[medium]`, `[hard]` (or 🟢 🟡 🔴) in markdown.");
export type Difficulty = z.infer<typeof DifficultySchema>;

export const CardKindSchema = z
  .enum(["BASIC", "REVERSED", "CLOZE", "EXERCISE"])
  .describe(
    "BASIC: question → answer. REVERSED: one of the two directions of a `Term :: Definition` note. CLOZE: one gap of a `{{cN::…}}` note. EXERCISE: a generated, auto-graded exercise.",
  );
export type CardKind = z.infer<typeof CardKindSchema>;

export const CardRoleSchema = z
  .enum(["RECALL", "INTERVIEW"])
  .describe("RECALL cards go to the daily queue; INTERVIEW cards also feed mock grills (strong answer, wrong answer, key points).");
export type CardRole = z.infer<typeof CardRoleSchema>;

export const SlugSchema = z
  .string()
  .max(64, { error: tooLong("slug") })
  .regex(SLUG, { error: "must be kebab-case: lowercase letters, digits and single hyphens" });

export const EvidenceRuleSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("exercise-passed"),
      exerciseSlug: SlugSchema.describe("The exercise that must be passed."),
      distinctDays: z.number().int().min(1).max(30).describe("On how many different days (learner's time zone) it must be passed."),
    }),
  ])
  .describe("Lets a checklist item tick itself. Written `[evidence: causal-mask-row passed on 3 separate days]`.");
export type EvidenceRule = z.infer<typeof EvidenceRuleSchema>;

export const ModuleManifestSchema = z
  .object({
    slug: SlugSchema.describe("Stable identifier of the module, unique per owner. Changing it makes a new module."),
    title: z
      .string()
      .trim()
      .min(1)
      .max(120, { error: tooLong("title") })
      .describe("Shown in lists and headers."),
    description: z
      .string()
      .max(1000, { error: tooLong("description") })
      .default("")
      .describe("One or two sentences on what the module covers."),
    files: z
      .array(z.string().regex(/^[\w.-]+\.md$/, { error: "must be a plain `.md` file name in the module folder" }))
      .max(MAX_FILES)
      .optional()
      .describe("Markdown files in reading order. When absent, every `.md` file except README.md, sorted by name."),
    defaultDifficulty: DifficultySchema.optional().describe("Difficulty of items that carry no marker and sit under no marked heading. MEDIUM when absent."),
  })
  .strict()
  .describe("module.json: the metadata of one module folder.");
export type ModuleManifest = z.infer<typeof ModuleManifestSchema>;

export const ModuleFileSchema = z.object({
  name: z.string().min(1).max(200).describe("File name, used in skipped-line reports."),
  text: z
    .string()
    .refine((t) => byteLength(t) <= MAX_FILE_BYTES, {
      error: `file is too large: at most ${MAX_FILE_BYTES / 1024} KiB`,
    })
    .describe("Markdown text of the file."),
});
export type ModuleFile = z.infer<typeof ModuleFileSchema>;

export const ModuleSourceSchema = z
  .object({
    manifest: ModuleManifestSchema,
    files: z.array(ModuleFileSchema).min(1, { error: "a module needs at least one markdown file" }).max(MAX_FILES),
  })
  .refine((s) => s.files.reduce((sum, f) => sum + byteLength(f.text), 0) <= MAX_MODULE_BYTES, {
    error: `module is too large: at most ${MAX_MODULE_BYTES / (1024 * 1024)} MiB of markdown in all`,
    path: ["files"],
  })
  .describe("Everything the parser reads for one module.");
export type ModuleSource = z.input<typeof ModuleSourceSchema>;

export const SourceRefSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1).describe("1-based line number in the file."),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const ExternalIdSchema = z
  .string()
  .min(1)
  .max(MAX_ID + 8)
  .regex(EXTERNAL_ID, { error: "ids are kebab-case (`{#kv-cache-size}`), optionally with a `:suffix`" });

export const ParsedCardSchema = z.object({
  externalId: ExternalIdSchema.describe("Stable across re-imports: `{#id}` when given, else derived from topic + question."),
  kind: CardKindSchema,
  role: CardRoleSchema,
  front: z
    .string()
    .trim()
    .min(1, { error: "front is empty" })
    .max(MAX_CARD_TEXT, { error: tooLong("front") }),
  back: z.string().max(MAX_CARD_TEXT, { error: tooLong("back") }),
  commonWrongAnswer: z
    .string()
    .max(MAX_WRONG_ANSWER, { error: tooLong("common wrong answer") })
    .nullable(),
  keyPoints: z
    .array(
      z
        .string()
        .min(1)
        .max(MAX_KEY_POINT, { error: tooLong("key point") }),
    )
    .max(MAX_KEY_POINTS, { error: `at most ${MAX_KEY_POINTS} key points` }),
  topic: z.string().max(MAX_TOPIC, { error: tooLong("topic (heading path)") }),
  tags: z
    .array(
      z
        .string()
        .min(1)
        .max(MAX_TAG, { error: tooLong("tag") }),
    )
    .max(MAX_TAGS),
  difficulty: DifficultySchema,
  difficultyFrom: z.enum(["item", "heading", "module", "default"]).describe("Where the difficulty came from."),
  siblingKey: z.string().min(1),
  exerciseSlug: SlugSchema.nullable(),
  noteSource: z
    .string()
    .nullable()
    .describe(
      "A cloze card's note as the editor records it (lib/content/cloze-source.ts); null for other cards. Not part of contentHash: the faces follow from it.",
    ),
  position: z.number().int().min(0),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  source: SourceRefSchema,
});
export type ParsedCard = z.infer<typeof ParsedCardSchema>;

export const ParsedChecklistItemSchema = z.object({
  externalId: ExternalIdSchema,
  section: z.string().max(MAX_TOPIC, { error: tooLong("checklist section") }),
  text: z
    .string()
    .trim()
    .min(1)
    .max(MAX_CHECKLIST_TEXT, { error: tooLong("checklist item") }),
  position: z.number().int().min(0),
  evidenceRule: EvidenceRuleSchema.nullable(),
  source: SourceRefSchema,
});
export type ParsedChecklistItem = z.infer<typeof ParsedChecklistItemSchema>;

export const SkippedLineSchema = SourceRefSchema.extend({
  text: z.string().describe("The start of the offending line."),
  reason: z.string(),
});
export type SkippedLine = z.infer<typeof SkippedLineSchema>;

export const ParseWarningSchema = SourceRefSchema.extend({ message: z.string() });
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export const ParsedModuleSchema = z.object({
  slug: SlugSchema,
  title: z.string().min(1),
  description: z.string(),
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  cards: z.array(ParsedCardSchema),
  checklist: z.array(ParsedChecklistItemSchema),
  skipped: z.array(SkippedLineSchema),
  warnings: z.array(ParseWarningSchema),
});
export type ParsedModule = z.infer<typeof ParsedModuleSchema>;
