// Zipped module folders: the layouts the export and people make, the hostile
// ones refused whole, and telling one from an Anki package by what it holds.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AnkiPackageError } from "@/lib/anki/errors";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { AppError } from "@/lib/errors/app-error";
import { packageFormat } from "@/lib/imports/detect-format";
import { readModuleZip, zipMediaFile } from "@/lib/imports/module-zip";
import { pngBytes } from "../anki/support/png";
import { sampleCollection, T0 } from "../anki/support/sample-collection";

const PNG = pngBytes(3, 2, [0, 0, 255]);
const MANIFEST = strToU8(JSON.stringify({ slug: "notes", title: "Notes", files: ["01-cards.md"] }));
const CARDS = strToU8("Q: What is this? {#cat}\nA: ![image](media/cat.png)\n");

async function refusal(zip: Record<string, Uint8Array>): Promise<AppError> {
  const error = await readModuleZip(zipSync(zip)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readModuleZip", () => {
  it("reads the export's layout: one folder with module.json, its files and media/", async () => {
    const folder = await readModuleZip(
      zipSync({ "notes/module.json": MANIFEST, "notes/01-cards.md": CARDS, "notes/README.md": strToU8("# Notes"), "notes/media/cat.png": PNG }),
    );
    expect(folder.manifest).toMatchObject({ slug: "notes", title: "Notes" });
    expect(folder.files.map((f) => f.name)).toEqual(["01-cards.md"]);
    expect([...folder.media]).toEqual([["cat.png", PNG]]);
  });

  it("reads markdown files and media/ at the top, without module.json, every .md but README by name", async () => {
    const folder = await readModuleZip(zipSync({ "b.md": CARDS, "a.md": CARDS, "README.md": CARDS, "media/cat.png": PNG, "__MACOSX/._a.md": PNG }));
    expect(folder.manifest).toBeNull();
    expect(folder.files.map((f) => f.name)).toEqual(["a.md", "b.md"]);
    expect([...folder.media.keys()]).toEqual(["cat.png"]);
  });

  it.each([
    { name: "a parent-directory member", member: "../../evil.md" },
    { name: "a member deep in parent directories", member: "notes/../../evil.md" },
    { name: "an absolute member", member: "/etc/evil.md" },
    { name: "a backslashed member", member: "notes\\..\\..\\evil.md" },
    { name: "a media file escaping its folder", member: "notes/media/../../../evil.png" },
  ])("refuses the whole zip with $name", async ({ member }) => {
    const error = await refusal({ "notes/module.json": MANIFEST, "notes/01-cards.md": CARDS, [member]: PNG });
    expect(error).toBeInstanceOf(AnkiPackageError);
    expect((error as AnkiPackageError).problem).toBe("UNSAFE_MEMBER_NAME");
  });

  it.each<{ name: string; zip: Record<string, Uint8Array>; message: RegExp }>([
    { name: "no module at all", zip: { "photo.png": PNG }, message: /neither an Anki collection nor a module/ },
    { name: "two module folders", zip: { "a/module.json": MANIFEST, "b/module.json": MANIFEST }, message: /2 module folders/ },
    { name: "a listed file it lacks", zip: { "notes/module.json": MANIFEST }, message: /lists 01-cards.md/ },
    { name: "a module.json that is not JSON", zip: { "notes/module.json": strToU8("{"), "notes/01-cards.md": CARDS }, message: /not JSON/ },
    { name: "markdown that is not UTF-8", zip: { "a.md": new Uint8Array([0xff, 0xfe, 0x41]) }, message: /not UTF-8/ },
  ])("refuses $name with a clear message", async ({ zip, message }) => {
    expect((await refusal(zip)).message).toMatch(message);
  });
});

describe("zipMediaFile", () => {
  it.each([
    { target: "media/cat.png", file: "cat.png" },
    { target: "./media/cat%20two.png", file: "cat two.png" },
    { target: "media/../secret.png", file: null },
    { target: "cat.png", file: null },
    { target: "/api/images/0f1e2d3c-4b5a-8978-a695-a4b3c2d1e0f1", file: null },
    { target: "media/%E0%A4%A", file: null },
  ])("$target → $file", ({ target, file }) => {
    expect(zipMediaFile(target)).toBe(file);
  });
});

describe("packageFormat", () => {
  it("tells an Anki package from a module folder by what the zip holds, and trusts a format or name first", async () => {
    const apkg = await writeAnkiPackage(sampleCollection(), new Date(T0));
    const folder = zipSync({ "notes/module.json": MANIFEST, "notes/01-cards.md": CARDS });
    expect(await packageFormat(undefined, undefined, apkg)).toBe("anki");
    expect(await packageFormat(undefined, "export.zip", apkg)).toBe("zip");
    expect(await packageFormat(undefined, undefined, folder)).toBe("zip");
    expect(await packageFormat(undefined, "deck.apkg", folder)).toBe("anki");
    expect(await packageFormat("markdown", undefined, folder)).toBeNull();
    expect(await packageFormat(undefined, "notes.md", CARDS)).toBeNull();
  });
});
