// The keyset cursor of a card search: the last row's sort key and id, as
// opaque base64url JSON. A page starts strictly after it, so rows inserted or
// changed meanwhile never repeat or skip the rows already shown in that order.
import { z } from "zod";
import { AppError } from "../errors/app-error";

export type SearchCursor = { key: string | number; id: string };

const CursorSchema = z.object({ key: z.union([z.iso.datetime(), z.number().int()]), id: z.uuid() }).strict();

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor `text` holds; VALIDATION when it is not one this server wrote. */
export function decodeCursor(text: string): SearchCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    raw = null;
  }
  const parsed = CursorSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "cursor: not a cursor from this search; start again without it", [{ path: "cursor", message: "unreadable" }]);
  return parsed.data;
}
