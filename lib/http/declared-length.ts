// The Content-Length a request declares, parsed at the edge: an upload
// declared over its cap is refused before a byte is read.
import { z } from "zod";

export const DeclaredLengthSchema = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .describe("The upload's Content-Length header, when sent: a body declared over the cap is refused unread.");
