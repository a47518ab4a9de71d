import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { MAX_FILE_BYTES } from "@/lib/content/limits";
import { parseModuleSource, singleFileSource } from "@/lib/content/parse-module";
import type { ModuleSource } from "@/lib/content/schemas";

const manifest = { slug: "norms", title: "Norms" };
const one = (text: string): ModuleSource => ({ manifest, files: [{ name: "a.md", text }] });
const card = (text: string, i = 0) => parseModuleSource(one(text)).cards[i];

function validationError(source: ModuleSource): AppError {
  try {
    parseModuleSource(source);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("parseModuleSource: the source itself", () => {
  it.each([
    { name: "bad slug", source: { manifest: { slug: "Not A Slug", title: "T" }, files: [{ name: "a.md", text: "" }] }, path: "manifest.slug" },
    { name: "missing title", source: { manifest: { slug: "ok", title: "" }, files: [{ name: "a.md", text: "" }] }, path: "manifest.title" },
    { name: "no files", source: { manifest, files: [] }, path: "files" },
    { name: "file over the cap", source: { manifest, files: [{ name: "a.md", text: "x".repeat(MAX_FILE_BYTES + 1) }] }, path: "files.0.text" },
  ])("rejects $name with a VALIDATION error naming the field", ({ source, path }) => {
    const error = validationError(source);
    expect(error.code).toBe("VALIDATION");
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it("says how large a file may be", () => {
    const error = validationError({ manifest, files: [{ name: "a.md", text: "x".repeat(MAX_FILE_BYTES + 1) }] });
    expect(error.message).toMatch(/file is too large: at most 256 KiB/);
  });
});

describe("parseModuleSource: identity and hashing", () => {
  const qa = (q: string, a: string, extra = "") => `# Norms\nQ: ${q}${extra}\nA: ${a}`;

  it("is deterministic", () => {
    const source = one(qa("What is RMSNorm?", "Scale only."));
    expect(parseModuleSource(source)).toEqual(parseModuleSource(source));
  });

  it("editing an answer keeps the derived id and changes the content hash", () => {
    const before = card(qa("What is RMSNorm?", "Scale only."));
    const after = card(qa("What is RMSNorm?", "Scale only, no centering."));
    expect(after?.externalId).toBe(before?.externalId);
    expect(after?.contentHash).not.toBe(before?.contentHash);
  });

  it("editing the question's words makes a new derived id, an explicit id survives it", () => {
    expect(card(qa("What is RMSNorm?", "x"))?.externalId).not.toBe(card(qa("What does RMSNorm do?", "x"))?.externalId);
    expect(card(qa("What is RMSNorm?", "x", " {#rms}"))?.externalId).toBe("rms");
    expect(card(qa("What does RMSNorm do?", "x", " {#rms}"))?.externalId).toBe("rms");
  });

  it("position is not part of the content hash", () => {
    const alone = card("Q: b?\nA: 2");
    const second = card("Q: a?\nA: 1\n\nQ: b?\nA: 2", 1);
    expect(second?.position).toBe(1);
    expect(second?.contentHash).toBe(alone?.contentHash);
  });

  it("the source hash follows the text", () => {
    expect(parseModuleSource(one("Q: a?\nA: 1")).sourceHash).not.toBe(parseModuleSource(one("Q: a?\nA: 2")).sourceHash);
  });
});

describe("parseModuleSource: several files", () => {
  it("numbers cards across files in file order and sorts skipped lines the same way", () => {
    const parsed = parseModuleSource({
      manifest,
      files: [
        { name: "b.md", text: "Q: one?\nA: 1\n\nQ: dangling?" },
        { name: "a.md", text: "A: orphan\n\nQ: two?\nA: 2" },
      ],
    });
    expect(parsed.cards.map((c) => [c.front, c.position, c.source.file])).toEqual([
      ["one?", 0, "b.md"],
      ["two?", 1, "a.md"],
    ]);
    expect(parsed.skipped.map((s) => `${s.file}:${s.line}`)).toEqual(["b.md:4", "a.md:1"]);
  });

  it("uses the manifest's default difficulty for unmarked items", () => {
    const parsed = parseModuleSource({ manifest: { ...manifest, defaultDifficulty: "HARD" }, files: [{ name: "a.md", text: "Q: q?\nA: a" }] });
    expect(parsed.cards[0]).toMatchObject({ difficulty: "HARD", difficultyFrom: "module" });
  });
});

describe("singleFileSource", () => {
  it("reads the manifest from front matter and ignores the front matter as content", () => {
    const text = '---\nslug: my-notes\ntitle: "My notes"\ndifficulty: easy\n---\nQ: q?\nA: a';
    const source = singleFileSource("notes.md", text);
    expect(source.manifest).toEqual({ slug: "my-notes", title: "My notes", description: "", defaultDifficulty: "EASY" });
    const parsed = parseModuleSource(source);
    expect(parsed.cards).toHaveLength(1);
    expect(parsed.cards[0]?.difficulty).toBe("EASY");
  });
});
