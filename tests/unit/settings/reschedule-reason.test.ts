// Which reschedule a settings save offers: retention, balancing, or none.
import { describe, expect, it } from "vitest";
import { rescheduleReasonOf } from "@/lib/settings/reschedule-reason";

const NORMAL = [100, 100, 100, 100, 100, 100, 100];
const BEFORE = { desiredRetention: 0.9, loadBalancing: true, easyDays: NORMAL };

describe("rescheduleReasonOf", () => {
  it.each([
    { name: "nothing that moves cards changed", after: { ...BEFORE, easyDays: [...NORMAL] }, want: null },
    { name: "the retention changed", after: { ...BEFORE, desiredRetention: 0.85 }, want: "RETENTION" },
    { name: "load balancing switched off", after: { ...BEFORE, loadBalancing: false }, want: "BALANCING" },
    { name: "Sunday made a minimum day", after: { ...BEFORE, easyDays: [100, 100, 100, 100, 100, 100, 0] }, want: "BALANCING" },
    { name: "a weekday's load back to normal", before: { ...BEFORE, easyDays: [50, 100, 100, 100, 100, 100, 100] }, after: BEFORE, want: "BALANCING" },
    {
      name: "retention and easy days both changed: retention wins",
      after: { ...BEFORE, desiredRetention: 0.8, easyDays: [100, 100, 100, 100, 100, 50, 0] },
      want: "RETENTION",
    },
    {
      name: "retention and load balancing both changed: retention wins",
      after: { ...BEFORE, desiredRetention: 0.95, loadBalancing: false },
      want: "RETENTION",
    },
  ])("$name → $want", ({ before, after, want }) => {
    expect(rescheduleReasonOf(before ?? BEFORE, after)).toBe(want);
  });
});
