// Caps on what one Anki package may unpack to. Everything is read into memory
// (nothing touches the disk), so these bound the memory one import can take.

/** Most bytes all members of a package may unpack to together, zstd layers included (512 MiB). */
export const MAX_TOTAL_UNPACKED_BYTES = 512 * 1024 * 1024;
/** Most bytes one member (the collection, one media file) may unpack to (256 MiB). */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
/** Most members in one package (the collection, meta, media map and numbered media files). */
export const MAX_ENTRIES = 50_000;
/** Largest zstd window accepted: zstd's own decoder refuses more unless told to (128 MiB). */
export const MAX_ZSTD_WINDOW_BYTES = 128 * 1024 * 1024;
/** Most notes, cards and review-log rows read from one collection. */
export const MAX_NOTES = 200_000;
export const MAX_CARDS = 400_000;
export const MAX_REVLOG_ROWS = 4_000_000;
/** Longest media file name kept, in characters. */
export const MAX_MEDIA_NAME = 255;
