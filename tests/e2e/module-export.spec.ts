import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { signUp } from "./support";

test("the library downloads a module as a markdown folder, a CSV and an Anki package", async ({ page }) => {
  await signUp(page, "export");
  await page.goto("/library");
  const course = page.getByTestId("library-transformer-architecture");
  await course.getByText("Download").tap();

  const save = async (label: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent("download"), course.getByRole("link", { name: label }).tap()]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
  };

  const zip = await save(/Markdown folder/);
  expect(zip.name).toMatch(/^transformer-architecture-\d{4}-\d{2}-\d{2}\.zip$/);
  const members = unzipSync(zip.bytes);
  const manifest = JSON.parse(strFromU8(members["transformer-architecture/module.json"] ?? new Uint8Array())) as { files: string[] };
  expect(manifest.files.length).toBeGreaterThan(0);

  const csv = await save(/CSV/);
  expect(strFromU8(csv.bytes).split("\r\n")[0]).toBe("front,back,tags");

  const apkg = await save(/Anki/);
  expect(apkg.name).toMatch(/\.apkg$/);
  expect(Object.keys(unzipSync(apkg.bytes))).toContain("collection.anki2");
});
