// Size caps for authored content. They bound what one import can write and keep
// a pasted novel from turning into one unreadable card.

/** Largest accepted markdown file, in UTF-8 bytes (256 KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Largest accepted module (all files together), in UTF-8 bytes (2 MiB). */
export const MAX_MODULE_BYTES = 2 * 1024 * 1024;
/** Most markdown files in one module. */
export const MAX_FILES = 50;
/** Most cards one module may produce; items past it are skipped. */
export const MAX_CARDS = 2000;
/** Most checklist items one module may produce; items past it are skipped. */
export const MAX_CHECKLIST_ITEMS = 500;
/** Longest card front or back, in characters. */
export const MAX_CARD_TEXT = 4000;
/** Longest "common wrong answer", in characters. */
export const MAX_WRONG_ANSWER = 1000;
/** Longest key point, in characters. */
export const MAX_KEY_POINT = 300;
/** Most key points on one card. */
export const MAX_KEY_POINTS = 8;
/** Longest checklist item text, in characters. */
export const MAX_CHECKLIST_TEXT = 500;
/** Longest topic (heading path) or checklist section, in characters. */
export const MAX_TOPIC = 300;
/** Longest explicit `{#id}`, in characters. */
export const MAX_ID = 80;
/** Most tags on one card, and the longest tag. */
export const MAX_TAGS = 20;
export const MAX_TAG = 40;
