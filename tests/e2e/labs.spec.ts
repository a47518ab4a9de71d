import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { zipSync } from "fflate";
import { buggyOutput, referenceOutput } from "../../lib/labs";
import { catalogue } from "../../exercises/catalogue";
import { encodeNpy, tensorToJson } from "../../lib/labs/tensor-file";
import { SCREENSHOT_DIR, signUp } from "./support";

const SLUG = "layernorm-forward";
const SEED = 5;

test("a lab on a phone: download the inputs, upload a buggy output (bug named), then a correct one (passed)", async ({ page }) => {
  const lab = catalogue.findLab(SLUG);
  if (!lab) throw new Error(SLUG);
  const bugCode = lab.variants[0]?.code ?? "";
  const reference = await referenceOutput(lab, SEED);
  const buggy = await buggyOutput(lab, SEED, bugCode);

  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => message.type() === "error" && pageErrors.push(message.text()));
  await signUp(page, "labs");
  await page.goto("/labs");
  await expect(page.getByTestId(`lab-${SLUG}`)).toContainText("Not tried yet");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-catalogue.png`, fullPage: true });

  await page.getByTestId(`lab-${SLUG}`).tap();
  await expect(page).toHaveURL(new RegExp(`/labs/${SLUG}\\?seed=\\d+`));
  await page.getByTestId("seed-input").fill(String(SEED));
  await page.getByRole("button", { name: "Load" }).tap();
  await expect(page).toHaveURL(new RegExp(`seed=${SEED}$`));
  await expect(page.getByTestId("lab-conventions")).toContainText("row-major");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-lab-before.png`, fullPage: true });

  const [npz] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-npz").tap()]);
  expect(npz.suggestedFilename()).toBe(`${SLUG}-seed${SEED}-inputs.npz`);
  const bytes = readFileSync((await npz.path()) ?? "");
  expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect(bytes.includes(Buffer.from("x.npy"))).toBe(true);

  // The buggy output as np.savez_compressed writes it: one deflated .npy member.
  const buggyNpz = zipSync({ "y.npy": [encodeNpy(buggy), { level: 6 }] });
  await page.getByTestId("lab-file").setInputFiles({ name: "y.npz", mimeType: "application/zip", buffer: Buffer.from(buggyNpz) });
  await page.getByRole("button", { name: "Submit for grading" }).tap();
  await expect(page.getByTestId("lab-verdict")).toHaveText("✗ Not yet", { timeout: 30_000 });
  await expect(page.getByTestId("lab-diagnosis")).toHaveAttribute("data-code", bugCode);
  await expect(page.getByTestId("lab-diagnosis")).toContainText(lab.variants[0]?.title ?? "missing title");
  await expect(page.getByTestId("lab-diagnosis")).not.toContainText(bugCode);
  await expect(page.getByTestId("lab-worst")).toBeVisible();
  await expect(page.getByTestId("lab-history")).toContainText("✗");
  await expect(page.getByTestId("lab-history")).toContainText(`seed ${SEED} · npz`);
  await expect(page.getByTestId("lab-allowance")).toContainText("× its allowance");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-failed.png`, fullPage: true });
  await page.getByTestId("lab-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-failed-result.png` });

  const json = JSON.stringify(tensorToJson(reference));
  await page.getByTestId("lab-file").setInputFiles({ name: "y.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await page.getByRole("button", { name: "Submit for grading" }).tap();
  await expect(page.getByTestId("lab-verdict")).toHaveText("✓ Passed", { timeout: 30_000 });
  await expect(page.getByTestId("lab-rule")).toContainText("np.allclose(yours, expected, rtol=0.001, atol=0.0001)");
  await expect(page.getByTestId("lab-allowance")).toContainText("% of its allowance");
  await expect(page.getByTestId("lab-history")).toContainText("✓");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-passed.png`, fullPage: true });
  await page.getByTestId("lab-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/labs-passed-result.png` });

  await page.getByTestId("lab-file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("[[1, 2], [3]]") });
  await page.getByRole("button", { name: "Submit for grading" }).tap();
  await expect(page.getByTestId("lab-error")).toContainText("ragged arrays");

  await page.goto("/labs");
  await expect(page.getByTestId(`lab-${SLUG}`)).toContainText("passed");
  expect(pageErrors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
});
