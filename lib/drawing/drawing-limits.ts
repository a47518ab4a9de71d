// The size caps of a drawing answer, apart from the schemas that enforce them:
// the sketch pad in the browser stops at the same limits without loading zod.

/** Largest grid side accepted (prompts use 4–8). */
export const MAX_GRID = 12;
/** Sketch caps: strokes, points in one stroke, points in all; coordinates are 0–1000 on the pad. */
export const MAX_STROKES = 200;
export const MAX_STROKE_POINTS = 1000;
export const MAX_SKETCH_POINTS = 6000;
export const SKETCH_SIZE = 1000;
/** Request body cap, in bytes: a full sketch at the caps above is about 60 KiB of JSON. */
export const DRAWING_BODY_LIMIT_BYTES = 96 * 1024;
