import { describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/scheduling";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CASES: { name: string; ms: number; label: string }[] = [
  { name: "already due", ms: 0, label: "now" },
  { name: "in the past", ms: -5 * MINUTE, label: "now" },
  { name: "a few seconds rounds up to a minute", ms: 5_000, label: "1m" },
  { name: "first learning step", ms: MINUTE, label: "1m" },
  { name: "hard on the first step", ms: 6 * MINUTE, label: "6m" },
  { name: "second learning step", ms: 10 * MINUTE, label: "10m" },
  { name: "just under an hour", ms: 59 * MINUTE, label: "59m" },
  { name: "one hour", ms: HOUR, label: "1h" },
  { name: "an hour and a half", ms: 90 * MINUTE, label: "1.5h" },
  { name: "one day", ms: DAY, label: "1d" },
  { name: "ten days", ms: 10 * DAY, label: "10d" },
  { name: "29 days", ms: 29 * DAY, label: "29d" },
  { name: "30 days is a month", ms: 30 * DAY, label: "1mo" },
  { name: "96 days", ms: 96 * DAY, label: "3.2mo" },
  { name: "364 days", ms: 364 * DAY, label: "12.1mo" },
  { name: "one year", ms: 365 * DAY, label: "1y" },
  { name: "400 days", ms: 400 * DAY, label: "1.1y" },
  { name: "the 100-year ceiling", ms: 36_500 * DAY, label: "100y" },
];

describe("formatInterval", () => {
  for (const { name, ms, label } of CASES) {
    it(`${name} → ${label}`, () => {
      expect(formatInterval(ms)).toBe(label);
    });
  }
});
