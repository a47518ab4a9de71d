import { describe, expect, it } from "vitest";
import { MAX_REVIEW_AGE_MS, reviewTime } from "@/lib/reviews/review-time";

const now = new Date("2026-03-02T18:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe("reviewTime", () => {
  it("is now when the client states no time", () => {
    expect(reviewTime(undefined, hours(-5), now)).toEqual(now);
  });
  it("keeps an offline review's own time", () => {
    expect(reviewTime(hours(-8), hours(-30), now)).toEqual(hours(-8));
  });
  it("never goes before the card's last review, after now, or further back than the age limit", () => {
    expect(reviewTime(hours(-8), hours(-2), now)).toEqual(hours(-2));
    expect(reviewTime(hours(3), null, now)).toEqual(now);
    expect(reviewTime(new Date(0), null, now)).toEqual(new Date(now.getTime() - MAX_REVIEW_AGE_MS));
  });
});
