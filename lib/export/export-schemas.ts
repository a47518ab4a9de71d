// The export request: which data and which file format.
import { z } from "zod";
import { ATTEMPT_EXPORT } from "./attempt-export";
import { CARD_EXPORT } from "./card-export";
import type { ExportKind } from "./export-kind";
import { GRILL_EXPORT } from "./grill-export";
import { LAB_EXPORT } from "./lab-export";
import { REVIEW_EXPORT } from "./review-export";
import { REVLOG_EXPORT } from "./revlog-export";

/** Every exportable kind by its `what=` name. */
export const EXPORT_KINDS = {
  reviews: REVIEW_EXPORT,
  revlog: REVLOG_EXPORT,
  cards: CARD_EXPORT,
  attempts: ATTEMPT_EXPORT,
  labs: LAB_EXPORT,
  grills: GRILL_EXPORT,
} as const satisfies Record<string, ExportKind>;

export type ExportWhat = keyof typeof EXPORT_KINDS;

export const EXPORT_FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuerySchema = z.object({
  what: z
    .enum(["reviews", "revlog", "cards", "attempts", "labs", "grills"] satisfies ExportWhat[])
    .describe(
      "reviews: the review log (every FSRS optimizer field); revlog: the review log in the revlog CSV the FSRS optimizer tools read (card_id, review_time ms, review_rating, review_state, review_duration ms); cards: cards with their FSRS state; attempts: graded exercise attempts; labs: lab submissions without the tensor; grills: mock grill items",
    ),
  format: z.enum(EXPORT_FORMATS).default("json").describe("json: one array of objects; csv: RFC 4180 with a header line"),
});

export type ExportQuery = z.infer<typeof ExportQuerySchema>;
