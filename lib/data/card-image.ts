// Data access for card_image: images in cards, stored with the cards in
// Postgres. Who may read one is decided in SQL: the owner of its module, or
// anyone signed in when the module is public.
import type { Db } from "../db/client";
import { lockUntilCommit } from "../db/advisory-lock";

export type CardImageMeta = { id: string; contentType: string; byteSize: number; width: number | null; height: number | null; sha256: string };
export type CardImageFile = CardImageMeta & { bytes: Uint8Array };

const META = { id: true, contentType: true, byteSize: true, width: true, height: true, sha256: true } as const;

/** Bytes of images `ownerId` has stored, in all their modules. */
export async function sumOwnImageBytes(db: Db, ownerId: string): Promise<number> {
  const total = await db.cardImage.aggregate({ where: { ownerId }, _sum: { byteSize: true } });
  return total._sum.byteSize ?? 0;
}

/**
 * Holds this user's image quota until the transaction ends (a transaction-scoped
 * advisory lock keyed by the user), so two uploads racing each other cannot
 * both fit under a quota only one of them fits.
 */
export async function lockImageQuota(db: Db, ownerId: string): Promise<void> {
  await lockUntilCommit(db, `card_image:${ownerId}`);
}

/** The module's image with these bytes, if it has one already. */
export async function selectOptionalModuleImage(db: Db, moduleId: string, sha256: string): Promise<CardImageMeta | null> {
  return db.cardImage.findUnique({ where: { moduleId_sha256: { moduleId, sha256 } }, select: META });
}

/** A new image with its id chosen by the caller. */
export type CardImageRow = {
  id: string;
  ownerId: string;
  moduleId: string;
  sha256: string;
  contentType: string;
  width: number | null;
  height: number | null;
  bytes: Uint8Array<ArrayBuffer>;
};

/** Inserts one image; the database chooses its id. */
export async function insertCardImage(db: Db, image: Omit<CardImageRow, "id">, now: Date): Promise<CardImageMeta> {
  return db.cardImage.create({ data: { ...image, byteSize: image.bytes.byteLength, createdAt: now }, select: META });
}

/** The module's images among `sha256s`: id by SHA-256. */
export async function selectModuleImageIds(db: Db, moduleId: string, sha256s: readonly string[]): Promise<Map<string, string>> {
  if (sha256s.length === 0) return new Map();
  const rows = await db.cardImage.findMany({ where: { moduleId, sha256: { in: [...sha256s] } }, select: { id: true, sha256: true } });
  return new Map(rows.map((r) => [r.sha256, r.id]));
}

/**
 * Inserts images whose ids the caller derived; a row whose id or bytes the
 * module already holds is skipped, so repeating the call inserts nothing.
 * Returns how many rows were inserted.
 */
export async function insertCardImages(db: Db, images: readonly CardImageRow[], now: Date): Promise<number> {
  if (images.length === 0) return 0;
  const { count } = await db.cardImage.createMany({
    data: images.map((image) => ({ ...image, byteSize: image.bytes.byteLength, createdAt: now })),
    skipDuplicates: true,
  });
  return count;
}

/** The image when `userId` may see a card of its module, else null (never says whether it exists). */
export async function selectOptionalVisibleImage(db: Db, id: string, userId: string): Promise<CardImageFile | null> {
  const image = await db.cardImage.findFirst({
    where: { id, module: { OR: [{ scope: "public" }, { scope: userId }] } },
    select: { ...META, bytes: true },
  });
  return image;
}
