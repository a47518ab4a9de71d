// An import job as the API, the page and the CLI see it: status, how far the
// worker has got, and the preview or import report once there is one. The
// uploaded bytes stay in the database.
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import type { AnkiImportResult, ImportPhase } from "../anki-import";
import type { ImportJobRow, ImportJobStatus } from "./import-job-rows";

export type ImportJobView = {
  id: string;
  status: ImportJobStatus;
  /** True while the job previews (or previewed) only; false for a commit. */
  dryRun: boolean;
  filename: string | null;
  /** What the worker is doing and how far (RUNNING; the last step reached otherwise); null before it starts. */
  progress: { phase: ImportPhase; done: number; total: number } | null;
  /** The preview (PREVIEWED) or what was written (DONE). */
  result: AnkiImportResult | null;
  /** Why it failed (FAILED), or a note on a retry or a dropped upload. */
  error: string | null;
  /** Whether the upload is still stored (a PREVIEWED job can be committed only then). */
  uploadStored: boolean;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Path of GET /api/imports/{id}. */
  location: string;
};

const PhaseSchema = z.enum(["reading", "converting", "previewing", "writing"]);

/** The stored result's outline; the rest is what importAnkiUpload wrote, read back as it was. */
const StoredResultSchema = z.looseObject({
  format: z.literal("anki"),
  committed: z.boolean(),
  modules: z.array(z.looseObject({ module: z.looseObject({ slug: z.string(), title: z.string() }), cards: z.looseObject({}) })),
  notices: z.array(z.looseObject({ code: z.string(), message: z.string(), count: z.number() })),
  history: z.object({ cards: z.number(), reviews: z.number() }),
  // Results stored before imports brought images read as having none.
  images: z
    .object({ stored: z.number(), unchanged: z.number(), refused: z.number(), bytes: z.number() })
    .default({ stored: 0, unchanged: 0, refused: 0, bytes: 0 }),
  written: z.object({ cards: z.number(), reviews: z.number(), images: z.number().default(0) }).nullable(),
});

function resultOf(row: ImportJobRow): AnkiImportResult | null {
  if (row.result === null) return null;
  const parsed = StoredResultSchema.safeParse(row.result);
  if (!parsed.success) throw new AppError("INTERNAL", `The stored result of import job ${row.id} does not match its schema`);
  return parsed.data as unknown as AnkiImportResult;
}

/** Where a job's status is polled. */
export function importJobPath(id: string): string {
  return `/api/imports/${id}`;
}

export function toImportJobView(row: ImportJobRow): ImportJobView {
  const phase = PhaseSchema.safeParse(row.phase);
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dryRun,
    filename: row.filename,
    progress: phase.success ? { phase: phase.data, done: row.progressDone, total: row.progressTotal } : null,
    result: resultOf(row),
    error: row.error,
    uploadStored: row.uploadBytes > 0,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    location: importJobPath(row.id),
  };
}
