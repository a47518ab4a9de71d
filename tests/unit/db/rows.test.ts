import { ZodError, z } from "zod";
import { describe, expect, it } from "vitest";
import { CountColumn, JsonTimestamp, RowShapeError, parseStored } from "@/lib/db/rows";

describe("parsing stored rows", () => {
  it.each([
    { name: "zone-less text is UTC", text: "2026-03-02T09:00:00.123", iso: "2026-03-02T09:00:00.123Z" },
    { name: "text with Z is kept", text: "2026-03-02T09:00:00Z", iso: "2026-03-02T09:00:00.000Z" },
  ])("JsonTimestamp: $name", ({ text, iso }) => {
    expect(JsonTimestamp.parse(text).toISOString()).toBe(iso);
  });

  it("JsonTimestamp refuses text that is no time, and null unless nullable", () => {
    expect(JsonTimestamp.safeParse("yesterday").success).toBe(false);
    expect(JsonTimestamp.safeParse(null).success).toBe(false);
    expect(JsonTimestamp.nullable().parse(null)).toBeNull();
  });

  it("CountColumn reads bigint counts as numbers", () => {
    expect(CountColumn.parse(12n)).toBe(12);
    expect(CountColumn.parse(3)).toBe(3);
  });

  it("a mismatch is a RowShapeError naming the value and the field, never a ZodError (which would answer 422)", () => {
    const schema = z.object({ score: z.number() });
    expect(parseStored(schema, { score: 0.5 }, "grill_item result")).toEqual({ score: 0.5 });
    let thrown: unknown;
    try {
      parseStored(schema, { score: "high" }, "grill_item result");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RowShapeError);
    expect(thrown).not.toBeInstanceOf(ZodError);
    expect(String(thrown)).toMatch(/grill_item result.*score/);
  });
});
