// The load a balanced reschedule keeps: counts from today, each card seen from its own last review's study day.
import { describe, expect, it } from "vitest";
import { reschedulingLoad } from "@/lib/reschedule/rescheduling-load";
import { NORMAL_EASY_DAYS } from "@/lib/scheduling";

const DAY_MS = 86_400_000;
// Wednesday 2026-03-04, 10:00 in Berlin; study days start at 04:00 local time.
const NOW = new Date("2026-03-04T09:00:00.000Z");
const CLOCK = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const SETTINGS = { loadBalancing: true, easyDays: NORMAL_EASY_DAYS };

describe("reschedulingLoad", () => {
  it("shows a card the load from its last review's study day, open from tomorrow on", () => {
    const load = reschedulingLoad(SETTINGS, CLOCK, NOW, [7, 1, 2, 3]);
    // Reviewed Sunday 1 March at 23:30 Berlin: three study days before today.
    const { balancing, earliest } = load.forCard(new Date("2026-03-01T22:30:00.000Z"));
    expect(earliest).toBe(4);
    expect(balancing.load.firstOffset).toBe(3);
    expect(balancing.load.weekday).toBe(6);
    expect(Array.from(balancing.load.counts).slice(0, 4)).toEqual([7, 1, 2, 3]);
  });

  it("counts a review at 03:30 local time on the study day before", () => {
    const load = reschedulingLoad(SETTINGS, CLOCK, NOW, []);
    // 03:30 Berlin on Wednesday is still Tuesday's study day.
    expect(load.forCard(new Date("2026-03-04T02:30:00.000Z"))).toMatchObject({ earliest: 2, balancing: { load: { firstOffset: 1, weekday: 1 } } });
  });

  it("places cards on their study days, and keeps none before today or past the last balanced day", () => {
    const load = reschedulingLoad(SETTINGS, CLOCK, NOW, [0, 0, 5]);
    load.place(new Date(NOW.getTime() + 2 * DAY_MS));
    load.place(new Date(NOW.getTime() + 2 * DAY_MS));
    load.place(new Date(NOW.getTime() - 3 * DAY_MS));
    load.place(new Date(NOW.getTime() + 400 * DAY_MS));
    const counts = Array.from(load.forCard(NOW).balancing.load.counts);
    expect(counts.slice(0, 4)).toEqual([0, 0, 7, 0]);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(7);
  });
});
