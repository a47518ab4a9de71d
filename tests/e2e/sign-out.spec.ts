import { expect, test } from "@playwright/test";
import { signUp } from "./support";

test("sign out from the overview by touch: the session is gone and the review screen sends you to sign in", async ({ page }) => {
  await signUp(page, "sign-out");
  await page.getByRole("link", { name: "Sign out" }).tap();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in/);
  const session = await page.request.get("/api/auth/get-session");
  expect(await session.json()).toBeNull();
});
