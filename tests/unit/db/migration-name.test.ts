import { describe, expect, it } from "vitest";
import { migrationDirName, migrationTimestamp } from "../../../lib/db/migrations/migration-name";

describe("migrationTimestamp", () => {
  it.each([
    { name: "pads every field", now: "2025-03-04T05:06:07Z", expected: "20250304050607" },
    { name: "uses UTC, not local time", now: "2025-12-31T23:59:59-05:00", expected: "20260101045959" },
    { name: "drops milliseconds", now: "2025-01-01T00:00:00.999Z", expected: "20250101000000" },
  ])("$name", ({ now, expected }) => {
    expect(migrationTimestamp(new Date(now))).toBe(expected);
  });
});

describe("migrationDirName", () => {
  const now = new Date("2025-03-04T05:06:07Z");

  it.each([
    { name: "keeps a plain snake_case name", input: "init", expected: "20250304050607_init" },
    { name: "lower-cases and joins words", input: "Add Card Notes", expected: "20250304050607_add_card_notes" },
    { name: "collapses punctuation runs and trims", input: "--add--notes!!", expected: "20250304050607_add_notes" },
  ])("$name", ({ input, expected }) => {
    expect(migrationDirName(now, input)).toBe(expected);
  });

  it("caps the name at 200 characters without a trailing underscore", () => {
    const dir = migrationDirName(now, `${"a".repeat(199)} b`);
    expect(dir).toBe(`20250304050607_${"a".repeat(199)}`);
  });

  it("rejects a name with no letters or digits", () => {
    expect(() => migrationDirName(now, "!!!")).toThrow(/no letters or digits/);
  });
});
