// Caps of one import: they bound what a request may hold in memory and what a
// preview sends back to a phone.
import { MAX_FILE_BYTES } from "../content/limits";

/** Largest upload read, in bytes (10 MiB); the body is refused as soon as it passes this. */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
/** Largest markdown file, in bytes: the module format's own cap (256 KiB). */
export const MARKDOWN_LIMIT_BYTES = MAX_FILE_BYTES;
/** Longest list (cards created, unread lines, …) a preview carries; the totals are always complete. */
export const PREVIEW_LIST_LIMIT = 500;
/** Characters of a card's front shown in a preview. */
export const PREVIEW_FRONT_CHARS = 160;
/** Largest Anki package read, in bytes (100 MiB): collections with their media are bigger than notes. */
export const ANKI_LIMIT_BYTES = 100 * 1024 * 1024;
/** Largest zipped module folder read, in bytes (100 MiB): its media/ makes it bigger than notes. */
export const MODULE_ZIP_LIMIT_BYTES = 100 * 1024 * 1024;
/** Most cards one Anki import writes (all decks together). */
export const ANKI_CARD_LIMIT = 50_000;
/** Import jobs (Anki packages) a user may have uploading, queued or running at once. */
export const IMPORT_UNFINISHED_JOBS = 2;
/** Bytes of uploaded packages a user may have stored at once (a previewed package is kept for its commit). */
export const IMPORT_STORED_BYTES = 256 * 1024 * 1024;
/** Size of one stored piece of an upload (64 KiB): no statement carries more. */
export const UPLOAD_CHUNK_BYTES = 64 * 1024;
/** How long a previewed package is kept for its commit (24 h); the worker prunes it after. */
export const UPLOAD_KEEP_MS = 24 * 60 * 60 * 1000;
