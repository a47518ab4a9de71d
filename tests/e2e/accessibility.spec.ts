// Every page, signed out and signed in, through axe-core in the light and the
// dark theme, and at 320 px wide: no serious or critical violation, no page
// wider than the screen. Failures are collected so one run names them all.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./support";

const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 640 };
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Axe's serious and critical findings on the page as it stands, one line each. */
async function axeFindings(page: Page, scheme: "light" | "dark"): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${scheme}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** How far the page is wider than a 320 px screen, in CSS pixels (0 when it fits). */
async function overflowAt320(page: Page): Promise<number> {
  await page.setViewportSize(NARROW);
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  });
  await page.setViewportSize(PHONE);
  return Math.max(0, overflow);
}

/** Checks the page on screen, adding what is wrong with it to `failures` under `name`. */
async function checkPage(page: Page, name: string, failures: string[]): Promise<void> {
  await page.waitForLoadState("networkidle");
  const found = [...(await axeFindings(page, "light")), ...(await axeFindings(page, "dark"))];
  const overflow = await overflowAt320(page);
  if (overflow > 0) found.push(`${overflow}px wider than a 320px screen`);
  const titles = await page.title();
  const headings = await page.locator("h1").count();
  if (headings !== 1) found.push(`${headings} h1 elements`);
  failures.push(...found.map((f) => `${name} [${titles}]: ${f}`));
}

async function visit(page: Page, path: string, failures: string[]): Promise<void> {
  await page.goto(path);
  await checkPage(page, path, failures);
}

test("signed out: the landing, sign-in and sign-up pages pass axe and fit 320 px", async ({ page }) => {
  const failures: string[] = [];
  for (const path of ["/", "/sign-in", "/sign-up"]) await visit(page, path, failures);
  expect(failures).toEqual([]);
});

test("signed in: every page passes axe in both themes and fits 320 px", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, "axe");
  const failures: string[] = [];

  await visit(page, "/", failures);
  await page.goto("/review");
  const card = page.getByTestId("card");
  await expect(card).toBeVisible();
  const cardId = await card.getAttribute("data-card-id");
  await checkPage(page, "/review (front)", failures);
  await card.tap();
  await expect(page.getByTestId("answer")).toBeVisible();
  await checkPage(page, "/review (revealed)", failures);

  const pages = [
    "/stats",
    "/library",
    "/cards",
    "/cards/new",
    `/cards/${cardId}`,
    "/import",
    "/exercises",
    "/exercises/alibi-bias-row?seed=1",
    "/exercises/alibi-bias-row/stats",
    "/drawings/prenorm-block-assembly?seed=1",
    "/drawings/kv-cache-decode-sketch?seed=3",
    "/drawings/prenorm-block-assembly/stats",
    "/labs",
    "/labs/layernorm-forward?seed=1",
    "/grill",
    "/progress",
    "/settings",
    "/modules",
    "/modules/transformer-architecture",
  ];
  for (const path of pages) await visit(page, path, failures);

  await page.goto("/grill");
  await page.getByTestId("length-3").tap();
  await page.getByTestId("start-grill").tap();
  await expect(page).toHaveURL(/\/grill\/[0-9a-f-]{36}$/);
  await checkPage(page, "/grill/{id}", failures);

  expect(failures).toEqual([]);
});
