// The shared edge schemas: storable text, seeds, upload content types.
import { describe, expect, it } from "vitest";
import { MAX_SEED } from "@/lib/grading/exercise-view";
import { FILE_UPLOAD_TYPES, mediaType, requireFileContentType } from "@/lib/http/content-type";
import { SeedParamSchema, SeedSchema } from "@/lib/http/seed-schema";
import { textProblem, textSchema } from "@/lib/http/text-schema";
import { MAX_LAB_SEED } from "@/lib/labs/submissions/lab-request-schemas";

describe("textSchema", () => {
  it.each([
    { name: "plain text", text: "laptop CLI", ok: true },
    { name: "empty text", text: "", ok: true },
    { name: "newlines and tabs", text: "a\n\tb", ok: true },
    { name: "a paired surrogate (emoji)", text: "💻 at home", ok: true },
    { name: "CJK", text: "注意力", ok: true },
    { name: "a NUL", text: "a\u0000b", ok: false, problem: "NUL" },
    { name: "a NUL at the end", text: "a\u0000", ok: false, problem: "NUL" },
    { name: "a lone high surrogate", text: "a\uD800b", ok: false, problem: "surrogate" },
    { name: "a lone high surrogate at the end", text: "a\uDBFF", ok: false, problem: "surrogate" },
    { name: "a lone low surrogate", text: "\uDC00b", ok: false, problem: "surrogate" },
    { name: "a reversed pair", text: "\uDC00\uD800", ok: false, problem: "surrogate" },
    { name: "over the length", text: "x".repeat(11), ok: false, problem: "at most 10" },
  ])("$name", ({ text, ok, problem }) => {
    const parsed = textSchema(10).safeParse(text);
    expect(parsed.success).toBe(ok);
    if (problem) expect(parsed.error?.issues[0]?.message).toContain(problem);
  });

  it("says nothing about text it accepts", () => {
    expect(textProblem("fine")).toBeNull();
  });
});

describe("SeedSchema (JSON bodies)", () => {
  it.each([
    { name: "0", seed: 0, ok: true },
    { name: "42", seed: 42, ok: true },
    { name: "MAX_SEED", seed: MAX_SEED, ok: true },
    { name: "MAX_SEED + 1", seed: MAX_SEED + 1, ok: false },
    { name: "-1", seed: -1, ok: false },
    { name: "1.5", seed: 1.5, ok: false },
    { name: "null", seed: null, ok: false },
    { name: "[]", seed: [], ok: false },
    { name: '""', seed: "", ok: false },
    { name: "true", seed: true, ok: false },
    { name: '"0x10"', seed: "0x10", ok: false },
    { name: '"7"', seed: "7", ok: false },
    { name: "NaN", seed: Number.NaN, ok: false },
  ])("$name → $ok", ({ seed, ok }) => {
    expect(SeedSchema.safeParse(seed).success).toBe(ok);
  });
});

describe("SeedParamSchema (query strings)", () => {
  it.each([
    { text: "0", seed: 0 },
    { text: "007", seed: 7 },
    { text: String(MAX_SEED), seed: MAX_SEED },
    { text: String(MAX_SEED + 1), seed: null },
    { text: "0x10", seed: null },
    { text: "", seed: null },
    { text: "1e3", seed: null },
    { text: "-1", seed: null },
    { text: "+1", seed: null },
    { text: " 1", seed: null },
    { text: "1.0", seed: null },
    { text: "Infinity", seed: null },
    { text: "99999999999", seed: null },
    { text: "١٢", seed: null },
  ])("$text → $seed", ({ text, seed }) => {
    const parsed = SeedParamSchema.safeParse(text);
    expect(parsed.success ? parsed.data : null).toBe(seed);
  });

  it("is the labs' seed too", () => {
    expect(MAX_LAB_SEED).toBe(MAX_SEED);
  });
});

describe("file upload content types", () => {
  const upload = (type?: string) =>
    new Request("http://localhost/x", { method: "POST", body: new Blob(["[1]"]), headers: type ? { "content-type": type } : {} });

  it.each([undefined, ...FILE_UPLOAD_TYPES, "application/octet-stream; charset=binary"])("accepts %s", (type) => {
    expect(() => requireFileContentType(upload(type))).not.toThrow();
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "text/plain;charset=UTF-8", "image/png"])(
    "refuses %s with 415",
    (type) => {
      expect(() => requireFileContentType(upload(type))).toThrow(expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE" }));
    },
  );

  it("reads the media type without parameters, lower case", () => {
    expect(mediaType(new Headers({ "content-type": " Application/JSON ; charset=utf-8" }))).toBe("application/json");
    expect(mediaType(new Headers())).toBeNull();
  });
});
