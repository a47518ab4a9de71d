// The security headers on the real server: every page runs under a nonce
// Content-Security-Policy with nothing refused on a tour of the app (math,
// exercises, drawing, labs, grill, settings, stats), the other headers are on
// pages and API answers alike, and a write carrying the session cookie from
// another origin is refused — the auth library's own routes included.
import { expect, test, type Page } from "@playwright/test";
import { encodeNpy } from "../../lib/labs/tensor-file";
import { SCREENSHOT_DIR, signUp } from "./support";

type Violation = { directive: string; blocked: string; source: string };

declare global {
  interface Window {
    cspViolations?: Violation[];
  }
}

/** Collects every CSP violation the page reports, and console lines about one. */
async function watchCsp(page: Page): Promise<{ violations: () => Promise<Violation[]>; console: string[] }> {
  const lines: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) lines.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: event.sourceFile });
    });
  });
  return { violations: () => page.evaluate(() => window.cspViolations ?? []), console: lines };
}

test("a tour of the app under the Content-Security-Policy: pages work and nothing is refused", async ({ page }) => {
  const csp = await watchCsp(page);
  const seen: Violation[] = [];
  const visit = async (path: string, ready: () => Promise<void>) => {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    await ready();
    seen.push(...(await csp.violations()));
  };

  await signUp(page, "csp");
  seen.push(...(await csp.violations()));

  await visit("/review", async () => {
    const card = page.getByTestId("card");
    await expect(card).toBeVisible();
    await card.tap();
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.getByTestId("rate-3").tap();
    await expect(page.getByTestId("sync")).toHaveText("All reviews saved", { timeout: 15_000 });
  });

  await visit("/exercises/layernorm-by-hand?seed=1", async () => {
    await expect(page.locator(".katex").first()).toBeVisible();
    const inputs = page.locator('input[data-testid^="answer-"], textarea[data-testid^="answer-"]');
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill("1");
    await page.getByRole("button", { name: "Check" }).tap();
    await expect(page.getByTestId("verdict")).toContainText("Score");
  });

  await visit("/drawings/causal-mask-grid?seed=1", async () => {
    const cell = page.getByTestId("cell-0-0");
    await cell.tap();
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("check-drawing").tap();
    await expect(page.getByTestId("verdict")).toContainText("Score");
  });

  await visit("/drawings/kv-cache-decode-sketch?seed=3", async () => {
    const pad = page.getByTestId("sketch-pad");
    const box = await pad.boundingBox();
    if (!box) throw new Error("no pad");
    await page.mouse.move(box.x + 40, box.y + 40);
    await page.mouse.down();
    for (let k = 1; k <= 6; k++) await page.mouse.move(box.x + 40 + k * 20, box.y + 40 + k * 15);
    await page.mouse.up();
    await expect(pad).toHaveAttribute("aria-label", "Drawing pad, 1 stroke");
    await page.getByTestId("compare").tap();
    await expect(page.getByTestId("sketch-reference").locator("svg")).toBeVisible();
  });

  await visit("/labs/layernorm-forward?seed=5", async () => {
    await expect(page.getByTestId("lab-conventions")).toContainText("row-major");
    const wrongShape = encodeNpy({ shape: [2], data: new Float64Array([1, 2]) });
    await page.getByTestId("lab-file").setInputFiles({ name: "y.npy", mimeType: "application/octet-stream", buffer: Buffer.from(wrongShape) });
    await page.getByRole("button", { name: "Submit for grading" }).tap();
    await expect(page.getByTestId("lab-status").or(page.getByTestId("lab-result")).first()).toBeVisible({ timeout: 15_000 });
  });

  await visit("/grill", async () => {
    await page.getByTestId("length-3").tap();
    await page.getByTestId("start-grill").tap();
    await expect(page).toHaveURL(/\/grill\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("clock")).toBeVisible();
  });
  seen.push(...(await csp.violations()));

  await visit("/settings", async () => {
    await page.getByRole("button", { name: "Save settings" }).tap();
    await expect(page.getByText("Saved")).toBeVisible();
  });

  await visit("/stats", async () => {
    await expect(page.getByTestId("forecast-chart")).toBeVisible();
  });

  for (const path of ["/", "/exercises", "/labs", "/progress", "/modules", "/modules/transformer-architecture", "/import"]) {
    await visit(path, async () => {
      await expect(page.locator("main")).toBeVisible();
    });
  }
  await page.screenshot({ path: `${SCREENSHOT_DIR}/csp-tour-end.png`, fullPage: true });

  expect(seen).toEqual([]);
  expect(csp.console).toEqual([]);
});

test("every page and API answer carries the security headers, the build's scripts nosniff alone; each page load has its own nonce", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  for (const response of [first, second]) {
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    for (const directive of [
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "connect-src 'self'",
    ]) {
      expect(headers["content-security-policy"]).toContain(directive);
    }
  }
  const nonce = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  expect(nonce(first.headers()["content-security-policy"])).toBeTruthy();
  expect(nonce(first.headers()["content-security-policy"])).not.toBe(nonce(second.headers()["content-security-policy"]));
  expect(await first.text()).toContain(`nonce="${nonce(first.headers()["content-security-policy"])}"`);

  for (const path of ["/api/health", "/api/queue"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"], path).toContain("default-src 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }

  // The build's scripts, in brotli (scripts/support/brotli-static.ts) and in gzip (Next): nosniff, and none of a document's rules.
  const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(await first.text())?.[1];
  expect(script).toBeTruthy();
  for (const encoding of ["br", "gzip"]) {
    const response = await request.get(script ?? "", { headers: { "accept-encoding": encoding } });
    const headers = response.headers();
    expect(response.status(), encoding).toBe(200);
    expect(headers["content-encoding"], encoding).toBe(encoding);
    expect(headers["x-content-type-options"], encoding).toBe("nosniff");
    for (const documentOnly of ["x-frame-options", "permissions-policy", "referrer-policy"]) {
      expect(headers[documentOnly], `${encoding} ${documentOnly}`).toBeUndefined();
    }
  }
});

test("a cookie write from another origin is refused on the real server, the auth library's routes too", async ({ page }) => {
  await signUp(page, "csrf");
  const foreign = { origin: "https://evil.example" };

  const token = await page.request.post("/api/tokens", { headers: { ...foreign, "content-type": "text/plain" }, data: JSON.stringify({ name: "stolen" }) });
  expect(token.status()).toBe(403);
  expect(((await token.json()) as { error: { message: string } }).error.message).toContain("Cross-site request refused");
  const settings = await page.request.patch("/api/settings", { headers: { "sec-fetch-site": "cross-site" }, data: { newCardsPerDay: 500 } });
  expect(settings.status()).toBe(403);
  const plain = await page.request.post("/api/tokens", { headers: { "content-type": "text/plain" }, data: JSON.stringify({ name: "plain" }) });
  expect(plain.status()).toBe(415);
  const own = await page.request.post("/api/tokens", { headers: { origin: new URL(page.url()).origin }, data: { name: "same origin" } });
  expect(own.status()).toBe(201);

  const signOut = await page.request.post("/api/auth/sign-out", { headers: foreign, data: {} });
  expect(signOut.status()).toBe(403);
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    headers: foreign,
    data: { email: "someone@example.test", password: "correct horse battery" },
  });
  expect(signIn.status()).toBe(403);
  // Still signed in: the refused sign-out changed nothing.
  await page.goto("/");
  await expect(page.getByTestId("due-counts")).toBeVisible();
});
