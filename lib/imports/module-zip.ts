// A module folder in a zip, as the markdown export writes it
// (`<slug>/module.json`, the markdown files, `media/`), or just markdown files
// and media/ at the top. Read in memory by the hardened zip reader of
// lib/anki: member count and unpacked size capped while inflating, names with
// a path out of the folder (`../x`, `/x`, `C:\x`) refusing the whole upload.
import { UnpackBudget, type UnpackLimits } from "../anki/unpack-budget";
import { readZipMembers } from "../anki/zip-reader";
import { MANIFEST_FILE } from "../content/load-module-dir";
import { isBareFileName } from "../anki/media-name";
import { ModuleManifestSchema, type ModuleFile, type ModuleManifest } from "../content/schemas";
import { AppError } from "../errors/app-error";
import { decodeUploadText } from "./decode-text";

export type ModuleZip = {
  /** module.json, when the folder has one. */
  manifest: ModuleManifest | null;
  /** The markdown files in reading order: module.json's list, else every .md but README.md by name. */
  files: ModuleFile[];
  /** media/ files by name. */
  media: Map<string, Uint8Array>;
};

const MIB = 1024 * 1024;

/** Caps on one module zip: a module's markdown is at most 2 MiB, its images what one account may store. */
export const MODULE_ZIP_LIMITS: UnpackLimits = { totalBytes: 256 * MIB, entryBytes: 32 * MIB, entries: 10_000 };

// A member of interest: in at most one folder, module.json, a markdown file or a media file.
const MEMBER = /^(?:([^/]+)\/)?(module\.json|[^/]+\.md|media\/[^/]+)$/;

type Member = { folder: string; path: string; bytes: Uint8Array };

function foldersHolding(members: readonly Member[], test: (path: string) => boolean): string[] {
  return [...new Set(members.filter((m) => test(m.path)).map((m) => m.folder))].sort();
}

/** The one folder the module is in: the one holding module.json, else the one holding markdown files. */
function moduleFolder(members: readonly Member[]): string {
  const withManifest = foldersHolding(members, (p) => p === MANIFEST_FILE);
  const candidates = withManifest.length ? withManifest : foldersHolding(members, (p) => p.endsWith(".md"));
  const [only, ...more] = candidates;
  if (only === undefined) {
    throw new AppError("VALIDATION", "This zip holds neither an Anki collection nor a module: put module.json or markdown files (and their media/) in it.");
  }
  if (more.length) {
    const named = candidates.map((f) => f || "(top)").join(", ");
    throw new AppError("VALIDATION", `This zip holds ${candidates.length} module folders (${named.slice(0, 120)}): import them one at a time.`);
  }
  return only;
}

function readManifest(bytes: Uint8Array): ModuleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUploadText(bytes, MANIFEST_FILE));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION", `${MANIFEST_FILE} is not JSON: ${error instanceof Error ? error.message.slice(0, 120) : "unreadable"}`);
  }
  const parsed = ModuleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", `${MANIFEST_FILE} is not valid: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`, issues);
  }
  return parsed.data;
}

/**
 * Reads the module folder in the zip `bytes`. Throws AnkiPackageError
 * (an AppError) for a damaged, oversized or hostile zip, and AppError
 * VALIDATION for a zip holding no module or several, an unreadable
 * module.json, a listed file that is missing or markdown that is not UTF-8.
 */
export async function readModuleZip(bytes: Uint8Array): Promise<ModuleZip> {
  const read = await readZipMembers(bytes, (name) => MEMBER.test(name) && !name.startsWith("__MACOSX/"), new UnpackBudget(MODULE_ZIP_LIMITS));
  const members = [...read].map(([name, data]): Member => {
    const match = MEMBER.exec(name);
    return { folder: match?.[1] ?? "", path: match?.[2] ?? name, bytes: data };
  });
  const folder = moduleFolder(members);
  const inFolder = new Map(members.filter((m) => m.folder === folder).map((m) => [m.path, m.bytes]));
  const manifestBytes = inFolder.get(MANIFEST_FILE);
  const manifest = manifestBytes ? readManifest(manifestBytes) : null;
  const markdown = [...inFolder.keys()].filter((p) => p.endsWith(".md") && !p.includes("/") && p.toLowerCase() !== "readme.md").sort();
  const names = manifest?.files ?? markdown;
  const files = names.map((name) => {
    const data = inFolder.get(name);
    if (!data) throw new AppError("VALIDATION", `${MANIFEST_FILE} lists ${name}, which the zip does not hold.`);
    return { name, text: decodeUploadText(data, name) };
  });
  const media = new Map<string, Uint8Array>();
  for (const [path, data] of inFolder) if (path.startsWith("media/")) media.set(path.slice("media/".length).normalize("NFC"), data);
  return { manifest, files, media };
}

/** The media/ file a link target in the folder's markdown names (`media/x.png`, `./media/x.png`); null for anything else. */
export function zipMediaFile(target: string): string | null {
  const path = target.replace(/^\.\//, "");
  if (!path.startsWith("media/")) return null;
  let name = path.slice("media/".length);
  try {
    name = decodeURIComponent(name);
  } catch {
    return null;
  }
  return isBareFileName(name) ? name.normalize("NFC") : null;
}
