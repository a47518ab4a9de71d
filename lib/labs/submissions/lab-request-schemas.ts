// Request shapes of the labs API: path params and query strings, parsed once
// at the edge. Bodies of submissions are files, read by the tensor codec.
import { z } from "zod";
import { SeedParamSchema } from "../../http/seed-schema";
import { MAX_LAB_SEED } from "../define-lab";

export { MAX_LAB_SEED };

const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Not a lab slug")
  .max(80);
const SeedSchema = SeedParamSchema.describe("Lab seed: the same seed gives the same inputs.");

export const LabParamsSchema = z.object({ slug: SlugSchema });
export const LabViewQuerySchema = z.object({ seed: SeedSchema.optional() });
export const LabSeedQuerySchema = z.object({ seed: SeedSchema });

export const InputFileParamsSchema = z.object({
  slug: SlugSchema,
  file: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*\.npy$/, "Ask for <input name>.npy, e.g. x.npy")
    .transform((file) => file.slice(0, -".npy".length))
    .describe("One input as .npy: `<name>.npy`."),
});

export const SubmissionQuerySchema = z.object({
  seed: SeedSchema,
  id: z.uuid().optional().describe("Client-generated submission id; a retry with the same id is stored once."),
});

export const SubmissionParamsSchema = z.object({ slug: SlugSchema, id: z.uuid("Not a submission id") });

export const DeclaredLengthSchema = z.coerce
  .number()
  .int()
  .min(0)
  .optional()
  .describe("The upload's Content-Length header, when sent: a body declared over the cap is refused unread.");
