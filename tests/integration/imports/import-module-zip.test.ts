// The markdown export as an import on the real Postgres: the zip of a module
// with images imports back into it changing nothing, into another module as
// the same cards with their own copies of the images; a hostile zip is
// refused whole; the CLI sends a zip like any file.
import { createHash } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/imports/route";
import { importModule } from "@/lib/content/import-module";
import { parseModuleSource } from "@/lib/content/parse-module";
import { importedImageId } from "@/lib/imports/import-images";
import type { ModuleZipResult } from "@/lib/imports/module-zip-import";
import { EXIT } from "@/scripts/cli/exit-codes";
import { runCli } from "@/scripts/cli/run";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { pngBytes } from "../../unit/anki/support/png";
import { exportModuleFile, getImage, okJson, postImport } from "./support";

const NOW = new Date("2025-03-01T09:00:00Z");
const PNG = pngBytes(5, 4, [250, 200, 0]);
const NOTES = `# Masks

Q: Which cells does the causal mask hide?
A: Those above the diagonal.

Q: What does $QK^\\top$ compute?
A: The score of every query against every key.
`;

async function learnerWithImages() {
  const db = testDb();
  const user = await createUser(db);
  const auth = await bearerFor(db, user.id);
  const source = (text: string) => parseModuleSource({ manifest: { slug: "masks", title: "Masks", description: "" }, files: [{ name: "notes.md", text }] });
  const report = await importModule(db, source(NOTES), { scope: user.id, ownerId: user.id }, NOW);
  // As an upload stores an image (a random id), then the notes link to it.
  const image = await db.cardImage.create({
    data: {
      ownerId: user.id,
      moduleId: report.module.id,
      sha256: createHash("sha256").update(PNG).digest("hex"),
      contentType: "image/png",
      byteSize: PNG.length,
      bytes: PNG,
    },
  });
  const linked = NOTES.replace("Those above the diagonal.", `Those above the diagonal.\n\n  ![mask](/api/images/${image.id})`);
  await importModule(db, source(linked), { scope: user.id, ownerId: user.id }, NOW);
  expect((await cardRows(report.module.id)).map((c) => c.back).join("\n")).toContain(`/api/images/${image.id}`);
  return { db, user, auth, moduleId: report.module.id, imageId: image.id };
}

const counts = (r: ModuleZipResult) => Object.fromEntries(Object.entries(r.cards).map(([k, v]) => [k, v.total]));
const cardRows = (moduleId: string) =>
  testDb().card.findMany({
    where: { moduleId },
    select: { id: true, externalId: true, front: true, back: true, contentHash: true, archivedAt: true },
    orderBy: { id: "asc" },
  });

describe("importing a module's markdown export", () => {
  beforeEach(resetDb);

  it("imports the export back into its module changing nothing, and writes no image twice", async () => {
    const { db, auth, moduleId } = await learnerWithImages();
    const before = await cardRows(moduleId);
    const zip = await exportModuleFile(auth, "masks", "md");

    // No file name: the zip is told from an Anki package by what it holds.
    for (const query of ["dryRun=1", "filename=masks-2025-03-01.zip"]) {
      const result = await okJson<ModuleZipResult>(await postImport(auth, query, zip));
      expect(result).toMatchObject({ format: "zip", module: { slug: "masks", id: moduleId } });
      expect(counts(result)).toEqual({ created: 0, updated: 0, restored: 0, unchanged: before.length, archived: 0 });
      expect(result.images).toEqual({ stored: 0, unchanged: 1, refused: 0, bytes: 0 });
    }
    expect(await cardRows(moduleId)).toEqual(before);
    expect(await db.cardImage.count()).toBe(1);
  });

  it("imports the export into another module as the same cards, the images stored there once", async () => {
    const { db, user, auth, moduleId, imageId } = await learnerWithImages();
    const zip = await exportModuleFile(auth, "masks", "md");

    const preview = await okJson<ModuleZipResult>(await postImport(auth, "module=copy&dryRun=1&filename=masks.zip", zip));
    expect(preview.images).toEqual({ stored: 1, unchanged: 0, refused: 0, bytes: PNG.length });
    expect(preview.cards.created.items.map((c) => c.front)).toEqual(["Which cells does the causal mask hide?", "What does QK^\\top compute?"]);
    const copied = await okJson<ModuleZipResult>(await postImport(auth, "module=copy&title=Copy&filename=masks.zip", zip));
    expect(copied).toMatchObject({ committed: true, module: { slug: "copy", title: "Copy" } });

    const copyId = copied.module.id ?? "";
    const newId = importedImageId(user.id, "copy", createHash("sha256").update(PNG).digest("hex"));
    expect(newId).not.toBe(imageId);
    const faces = async (id: string) =>
      (await cardRows(id)).map((c) => [c.externalId, c.front, c.back.replace(/[0-9a-f-]{36}/g, "ID")]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await faces(copyId)).toEqual(await faces(moduleId));
    expect((await cardRows(copyId)).map((c) => c.back).join("\n")).toContain(`![mask](/api/images/${newId})`);
    expect(new Uint8Array(await (await getImage(auth, newId)).arrayBuffer())).toEqual(PNG);

    const again = await okJson<ModuleZipResult>(await postImport(auth, "module=copy&title=Copy&filename=masks.zip", zip));
    expect(counts(again)).toMatchObject({ created: 0, updated: 0, archived: 0 });
    expect(await db.cardImage.count()).toBe(2);
  });

  it("refuses a zip with a member escaping its folder, and writes nothing", async () => {
    const { db, auth } = await learnerWithImages();
    const zip = zipSync({
      "notes/module.json": strToU8('{"slug":"evil","title":"Evil"}'),
      "notes/a.md": strToU8(NOTES),
      "notes/../../../etc/cron.md": strToU8("x"),
    });
    const response = await postImport(auth, "filename=evil.zip", zip);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/unsafe name/);
    expect(await db.module.count({ where: { slug: "evil" } })).toBe(0);
  });

  it("goes through the CLI: a .zip needs no --module", async () => {
    const { auth } = await learnerWithImages();
    const zip = await exportModuleFile(auth, "masks", "md");
    const out: string[] = [];
    const deps = {
      env: { RESIDUAL_URL: "http://imports.test", RESIDUAL_TOKEN: auth.replace(/^Bearer /, "") },
      fetch: async (url: string, init: RequestInit) => importsRoute.POST(new Request(url, init), undefined),
      readFile: async () => "",
      newId: () => crypto.randomUUID(),
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
      lab: { readBytes: async () => zip, writeBytes: async () => undefined, sleep: async () => undefined },
    };
    expect(await runCli(["import", "masks.zip", "--dry-run"], deps)).toBe(EXIT.ok);
    expect(out).toContain("Masks (masks, zip): would import (dry run, nothing written)");
    expect(out).toContain("images: 0 to store (0.0 KiB), 1 already stored");
  });
});
