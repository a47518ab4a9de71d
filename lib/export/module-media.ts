// A module's stored images as files of an export: named by id and type, and
// the app's `/api/images/{id}` links in card text pointed at those files.

/** An image of the module, as stored (lib/images). */
export interface ExportImage {
  id: string;
  contentType: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" };
const IMAGE_LINK = /\/api\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/g;

/** `<id>.<ext>`: unique within the module, and the extension says the type to any viewer. */
export function mediaFileName(image: Pick<ExportImage, "id" | "contentType">): string {
  return `${image.id}.${EXTENSIONS[image.contentType] ?? "bin"}`;
}

/** The image id an app link (`/api/images/{id}`) names, or null for any other address. */
export function linkedImageId(href: string): string | null {
  const match = /^\/api\/images\/([0-9a-f-]{36})$/.exec(href);
  return match?.[1] ?? null;
}

/**
 * `text` with each link to one of `names`' images (id → file name) replaced
 * by `prefix` + its file name; links to other images are left as they are.
 */
export function relinkImages(text: string, names: ReadonlyMap<string, string>, prefix: string): string {
  return text.replace(IMAGE_LINK, (link, id: string) => {
    const name = names.get(id);
    return name ? `${prefix}${name}` : link;
  });
}
