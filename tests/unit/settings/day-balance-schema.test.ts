// The settings PATCH body's load balancing and easy days: what passes and what is refused, with the field named.
import { describe, expect, it } from "vitest";
import { SettingsPatchSchema } from "@/lib/settings/settings-schema";

describe("settings patch: load balancing and easy days", () => {
  it("takes a switch and seven whole percents", () => {
    expect(SettingsPatchSchema.parse({ loadBalancing: false, easyDays: [100, 100, 100, 100, 100, 50, 0] })).toEqual({
      loadBalancing: false,
      easyDays: [100, 100, 100, 100, 100, 50, 0],
    });
  });

  it.each([
    { name: "six days", easyDays: [100, 100, 100, 100, 100, 100] },
    { name: "eight days", easyDays: [100, 100, 100, 100, 100, 100, 100, 100] },
    { name: "over 100%", easyDays: [100, 100, 100, 100, 100, 100, 101] },
    { name: "below 0%", easyDays: [-1, 100, 100, 100, 100, 100, 100] },
    { name: "a fraction", easyDays: [100, 100, 100, 100, 100, 100, 12.5] },
  ])("refuses $name", ({ easyDays }) => {
    const parsed = SettingsPatchSchema.safeParse({ easyDays });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path[0]).toBe("easyDays");
  });

  it("refuses a switch that is not a boolean", () => {
    expect(SettingsPatchSchema.safeParse({ loadBalancing: "yes" }).success).toBe(false);
  });
});
