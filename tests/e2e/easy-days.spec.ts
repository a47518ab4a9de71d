import { expect, test, type Page } from "@playwright/test";
import { rateNewCardsEasy, SCREENSHOT_DIR, signUp } from "./support";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Weekday of a "YYYY-MM-DD" study day, Monday 0. */
const weekdayOf = (key: string) => (new Date(`${key}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The forecast's bars from /stats: day key, cards due, the easy-day load of its weekday. */
async function forecastBars(page: Page) {
  await page.goto("/stats");
  const bars = page.getByTestId("forecast-chart").locator("rect.bar");
  await expect(bars).toHaveCount(30);
  return bars.evaluateAll((rects) =>
    rects.map((r) => ({ day: r.getAttribute("data-day") ?? "", due: Number(r.getAttribute("data-due")), load: Number(r.getAttribute("data-load")) })),
  );
}

test("easy days in Settings keep new reviews off the chosen weekdays, a reschedule moves the cards already there, and the forecast shows it", async ({
  page,
}) => {
  await signUp(page, "easy-days");

  // A new card rated Easy goes 6–10 study days out (FSRS-6 defaults, 90%): spread over that range, balanced.
  await rateNewCardsEasy(page, 5);
  const before = await forecastBars(page);
  const range = before.slice(6, 11);
  expect(range.reduce((n, bar) => n + bar.due, 0)).toBe(5);
  expect(before.every((bar) => bar.load === 100)).toBe(true);

  // Make the first four days of that range minimum days (0%): only the fifth stays open.
  const closed = range.slice(0, 4).map((bar) => weekdayOf(bar.day));
  await page.goto("/settings");
  const easyDays = page.getByTestId("easy-days");
  await easyDays.scrollIntoViewIfNeeded();
  for (const weekday of closed) await easyDays.getByLabel(`${WEEKDAYS[weekday]} review load`).selectOption("0");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-easy-days-390.png` });
  await page.getByRole("button", { name: "Save settings" }).tap();
  await expect(page.getByTestId("settings-form").getByRole("status")).toHaveText("Saved");
  const saved = (await (await page.request.get("/api/settings")).json()) as { easyDays: number[]; loadBalancing: boolean };
  expect(saved.loadBalancing).toBe(true);
  expect(saved.easyDays.filter((p) => p === 0)).toHaveLength(4);

  // The save offers to move the cards already on the new minimum days; take it.
  const onClosed = range.slice(0, 4).reduce((n, bar) => n + bar.due, 0);
  expect(onClosed).toBeGreaterThan(0);
  const offer = page.getByTestId("settings-form").getByTestId("reschedule-offer");
  await expect(offer).toContainText(/Reschedule \d+ review cards? to match\?/);
  await offer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-easy-days-reschedule-390.png` });
  await offer.getByTestId("reschedule-accept").tap();
  await expect(offer.getByTestId("reschedule-result")).toContainText(/Rescheduled \d+ review cards?\./);
  await expect(page.getByTestId("reschedule-run")).toContainText(/after load balancing or easy days changed: \d+ of 5 moved/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-easy-days-rescheduled-390.png` });

  // The forecast follows: the five cards are still in the next 30 days, none of them on a minimum day.
  const rescheduled = await forecastBars(page);
  expect(rescheduled.reduce((n, bar) => n + bar.due, 0)).toBe(5);
  expect(rescheduled.filter((bar) => bar.load === 0).reduce((n, bar) => n + bar.due, 0)).toBe(0);
  for (const i of [6, 7, 8, 9]) expect(rescheduled[i]?.due, rescheduled[i]?.day).toBe(0);
  await page.getByTestId("forecast").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/stats-easy-days-rescheduled-390.png` });
  await page.goto("/settings");

  await page.setViewportSize({ width: 320, height: 720 });
  await page.reload();
  await page.getByTestId("easy-days").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-easy-days-320.png` });
  await page.setViewportSize({ width: 390, height: 844 });

  // Five more: every one lands on the open day; the closed days stay empty.
  await rateNewCardsEasy(page, 5);
  const after = await forecastBars(page);
  for (const [i, bar] of after.entries()) {
    if (i >= 6 && i <= 9) expect(bar.due, bar.day).toBe(0);
    expect(bar.load, bar.day).toBe(closed.includes(weekdayOf(bar.day)) ? 0 : 100);
  }
  expect(after[10]?.due).toBe((rescheduled[10]?.due ?? 0) + 5);
  await expect(page.getByTestId("easy-days-note")).toContainText(`${WEEKDAYS[closed[0] ?? 0]} 0%`);
  await expect(page.getByTestId("forecast-chart").locator("rect.easy-mark")).toHaveCount(after.filter((bar) => bar.load === 0).length);
  await page.getByTestId("forecast").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/stats-easy-days.png` });
});
