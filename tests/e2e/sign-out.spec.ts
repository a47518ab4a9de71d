import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

test("sign out from the overview by touch: the session is gone and the review screen sends you to sign in", async ({ page }) => {
  await signUp(page, "sign-out");
  await page.getByRole("link", { name: "Sign out" }).tap();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await page.request.get("/api/auth/get-session");
  expect(await session.json()).toBeNull();
});

test("signing back in without a connection says so in the form, and the same tap works once it returns", async ({ page, context }) => {
  const email = await signUp(page, "sign-in-offline");
  await page.getByRole("link", { name: "Sign out" }).tap();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Sign in" }).tap();
  await expect(page.locator("form").getByRole("alert")).toHaveText("No connection reached the server. Check it and try again.");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-offline.png` });
  await context.setOffline(false);
  await page.getByRole("button", { name: "Sign in" }).tap();
  await expect(page.getByTestId("due-counts")).toBeVisible();
});
